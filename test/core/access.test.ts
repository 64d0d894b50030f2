import { describe, expect, it } from 'vitest';
import { mayUseCommands, speaksForTeam } from '../../src/core/access.js';

describe('who may use /client', () => {
  it.each([
    { staffRoleExists: true, hasStaffRole: true, managesServer: false, allowed: true },
    { staffRoleExists: true, hasStaffRole: false, managesServer: true, allowed: true },
    { staffRoleExists: true, hasStaffRole: false, managesServer: false, allowed: false },
    { staffRoleExists: false, hasStaffRole: false, managesServer: false, allowed: true },
    { staffRoleExists: false, hasStaffRole: false, managesServer: true, allowed: true },
  ])('staff role exists $staffRoleExists, held $hasStaffRole, manages $managesServer -> $allowed', ({ allowed, ...facts }) => {
    const decision = mayUseCommands(facts);
    expect(decision.ok).toBe(allowed);
    if (!decision.ok) {
      expect(decision.code).toBe('access.not-staff');
      expect(decision.message).toMatch(/staff role/);
    }
  });
});

describe('who speaks for the team in a support channel', () => {
  it.each([
    { staffRoleExists: true, hasStaffRole: true, managesServer: false, staff: true },
    { staffRoleExists: true, hasStaffRole: false, managesServer: false, staff: false },
    { staffRoleExists: false, hasStaffRole: false, managesServer: false, staff: false },
    { staffRoleExists: false, hasStaffRole: false, managesServer: true, staff: true },
  ])('staff role exists $staffRoleExists, held $hasStaffRole, manages $managesServer -> $staff', ({ staff, ...facts }) => {
    expect(speaksForTeam(facts)).toBe(staff);
  });
});
