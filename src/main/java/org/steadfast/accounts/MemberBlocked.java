package org.steadfast.accounts;

/** One member blocked another (published in the same transaction, so reactions are atomic with it). */
public record MemberBlocked(long blockerId, long blockedId) {
}
