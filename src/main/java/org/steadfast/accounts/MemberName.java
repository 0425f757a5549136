package org.steadfast.accounts;

/** The public face of a member, for listings that show who wrote what. */
public record MemberName(Long id, String username, String displayName) {
}
