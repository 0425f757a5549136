package org.steadfast.accounts;

/** Published when someone joins; other modules may greet or set up defaults. */
public record MemberRegistered(Long memberId, String username) {
}
