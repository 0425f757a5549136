package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerTest {

	private final Viewer guest = Viewer.GUEST;
	private final Viewer author = new Viewer(1L, false);
	private final Viewer other = new Viewer(2L, false);
	private final Viewer moderator = new Viewer(3L, true);

	@Test
	void publicTopicsAreForEveryone() {
		assertThat(guest.canRead(1L, Visibility.PUBLIC, ContentStatus.VISIBLE)).isTrue();
		assertThat(other.canRead(1L, Visibility.PUBLIC, ContentStatus.VISIBLE)).isTrue();
	}

	@Test
	void membersTopicsNeedASignedInMember() {
		assertThat(guest.canRead(1L, Visibility.MEMBERS, ContentStatus.VISIBLE)).isFalse();
		assertThat(other.canRead(1L, Visibility.MEMBERS, ContentStatus.VISIBLE)).isTrue();
	}

	@Test
	void privateAndPartnerTopicsAreTheAuthorsAlone() {
		for (Visibility v : new Visibility[] { Visibility.PRIVATE, Visibility.PARTNER }) {
			assertThat(author.canRead(1L, v, ContentStatus.VISIBLE)).isTrue();
			assertThat(other.canRead(1L, v, ContentStatus.VISIBLE)).isFalse();
			assertThat(guest.canRead(1L, v, ContentStatus.VISIBLE)).isFalse();
			assertThat(moderator.canRead(1L, v, ContentStatus.VISIBLE)).isFalse();
		}
	}

	@Test
	void hiddenAndPendingTopicsAreForTheirAuthorAndStaff() {
		for (ContentStatus s : new ContentStatus[] { ContentStatus.HIDDEN, ContentStatus.PENDING }) {
			assertThat(author.canRead(1L, Visibility.PUBLIC, s)).isTrue();
			assertThat(moderator.canRead(1L, Visibility.PUBLIC, s)).isTrue();
			assertThat(other.canRead(1L, Visibility.PUBLIC, s)).isFalse();
			assertThat(guest.canRead(1L, Visibility.PUBLIC, s)).isFalse();
		}
	}

	@Test
	void deletedTopicsAreGoneForMembers() {
		assertThat(author.canRead(1L, Visibility.PUBLIC, ContentStatus.DELETED)).isFalse();
		assertThat(moderator.canRead(1L, Visibility.PUBLIC, ContentStatus.DELETED)).isTrue();
	}
}
