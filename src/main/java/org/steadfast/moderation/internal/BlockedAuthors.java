package org.steadfast.moderation.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.Blocks;
import org.steadfast.search.HiddenAuthors;

/** Members who blocked the reader, or whom the reader blocked: search never shows their posts to each other. */
@Component
class BlockedAuthors implements HiddenAuthors {

	private final Blocks blocks;

	BlockedAuthors(Blocks blocks) {
		this.blocks = blocks;
	}

	@Override
	public Set<Long> hiddenFrom(long readerId) {
		return blocks.eitherWay(readerId);
	}
}
