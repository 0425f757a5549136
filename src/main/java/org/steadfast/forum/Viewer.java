package org.steadfast.forum;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.steadfast.accounts.CurrentMember;

/**
 * Who is reading: decides what every query and page may show.
 *
 * @param memberId the signed-in member, or null for a guest
 * @param staff whether they are a moderator or administrator
 * @param partnerId their accountability partner while a partnership lasts (null otherwise): the
 *        one other member who may read their partner-only plans, and whose they may read
 */
public record Viewer(Long memberId, boolean staff, Long partnerId) {

	public static final Viewer GUEST = new Viewer(null, false, null);

	/** The request attribute under which {@link PartnerDirectory} is offered to {@link #current()}. */
	public static final String DIRECTORY_ATTRIBUTE = Viewer.class.getName() + ".directory";

	private static final String PARTNER_ATTRIBUTE = Viewer.class.getName() + ".partner";

	private static final Long NONE = Long.MIN_VALUE;

	/** A viewer without a partner (jobs, services acting for a member outside a request). */
	public Viewer(Long memberId, boolean staff) {
		this(memberId, staff, null);
	}

	/**
	 * The signed-in member of this request, with their current partner looked up once per request
	 * (one indexed query, only for members, only when something asks).
	 */
	public static Viewer current() {
		return CurrentMember.get().map(p -> new Viewer(p.id(), p.isStaff(), partnerOf(p.id()))).orElse(GUEST);
	}

	/**
	 * A member acting in this request (replying, reacting, quoting), with their current partner as
	 * {@link #current()} finds it, so that a partner may answer the partner-only check-ins they may
	 * read. Outside a web request the partner is unknown and partner-only stays closed.
	 */
	public static Viewer member(long memberId, boolean staff) {
		return new Viewer(memberId, staff, partnerOf(memberId));
	}

	private static Long partnerOf(long memberId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		String key = PARTNER_ATTRIBUTE + "." + memberId;
		Object known = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			Long partner = request.getAttribute(DIRECTORY_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof PartnerDirectory d
					? d.currentPartnerOf(memberId) : null;
			known = partner == null ? NONE : partner;
			request.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
		}
		return NONE.equals(known) ? null : (Long) known;
	}

	public boolean isMember() {
		return memberId != null;
	}

	public boolean is(Long id) {
		return memberId != null && memberId.equals(id);
	}

	/** Whether {@code id} is this viewer's partner right now. */
	public boolean isPartner(Long id) {
		return partnerId != null && partnerId.equals(id);
	}

	/** Whether this viewer may read a topic at all. Status and visibility both apply. */
	public boolean canRead(Topic topic) {
		return canRead(topic.getAuthorId(), topic.getVisibility(), topic.getStatus());
	}

	public boolean canRead(Long authorId, Visibility visibility, ContentStatus status) {
		boolean own = is(authorId);
		if (status == ContentStatus.DELETED && !staff) {
			return false;
		}
		if ((status == ContentStatus.HIDDEN || status == ContentStatus.PENDING) && !own && !staff) {
			return false;
		}
		return switch (visibility) {
			case PUBLIC -> true;
			case MEMBERS -> isMember();
			case PARTNER -> own || isPartner(authorId);
			case PRIVATE -> own;
		};
	}
}
