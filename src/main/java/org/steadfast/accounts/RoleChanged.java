package org.steadfast.accounts;

/** An administrator changed a member's role; the audit log records it. */
public record RoleChanged(long adminId, long memberId, Role before, Role after) {
}
