package org.steadfast.search;

import java.util.Set;
import org.steadfast.forum.Viewer;

/** Who is searching: what the forum lets them read, minus the authors hidden from them. */
public record Searcher(Viewer viewer, Set<Long> hiddenAuthors) {

	public Searcher {
		hiddenAuthors = Set.copyOf(hiddenAuthors);
	}

	public static Searcher of(Viewer viewer) {
		return new Searcher(viewer, Set.of());
	}

	public Long memberId() {
		return viewer.memberId();
	}
}
