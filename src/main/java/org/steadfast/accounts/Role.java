package org.steadfast.accounts;

/** What a member may do beyond posting. Ordered from least to most trusted. */
public enum Role {
	MEMBER, MODERATOR, ADMIN;

	public boolean isStaff() {
		return this != MEMBER;
	}
}
