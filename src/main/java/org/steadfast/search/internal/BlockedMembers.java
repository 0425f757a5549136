package org.steadfast.search.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberService;
import org.steadfast.search.HiddenAuthors;

/**
 * Members who blocked the reader, or whom the reader blocked, are not found by the reader: as on
 * the topic page, where posts between them are collapsed for both.
 */
@Component
class BlockedMembers implements HiddenAuthors {

	private final MemberService members;

	BlockedMembers(MemberService members) {
		this.members = members;
	}

	@Override
	public Set<Long> hiddenFrom(long readerId) {
		return members.membersBlockedEitherWay(readerId);
	}
}
