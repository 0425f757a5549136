package org.steadfast.notifications.internal;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.steadfast.forum.PartnerDirectory;
import org.steadfast.notifications.DigestPartnerSource;

/**
 * The digest's partners, from the forum's {@link PartnerDirectory} (which the partners module
 * implements): asked at sending time, so a partnership that has ended shows nothing.
 */
@Component
class PartnersForDigest implements DigestPartnerSource {

	private final PartnerDirectory directory;

	PartnersForDigest(PartnerDirectory directory) {
		this.directory = directory;
	}

	@Override
	public Map<Long, Long> partnersOf(Collection<Long> memberIds) {
		return directory.currentPartnersOf(memberIds);
	}
}
