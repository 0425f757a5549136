package org.steadfast.forum;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumViews.CategoryView;
import org.steadfast.text.PlainText;

/**
 * Categories as administrators shape them: create, edit, reorder, archive. Reads are single
 * statements and run without a transaction of their own (as {@link ForumQueries} does): the
 * search page reads the categories on every request.
 */
@Service
public class CategoryService {

	private final CategoryRepository categories;
	private final ApplicationEventPublisher events;

	CategoryService(CategoryRepository categories, ApplicationEventPublisher events) {
		this.categories = categories;
		this.events = events;
	}

	static final Duration KEPT_FOR = Duration.ofSeconds(5);

	private record Kept(List<CategoryView> categories, long readAt) {
	}

	private volatile Kept kept;

	private void audit(long actorId, String action, long id, String before, String after) {
		events.publishEvent(new ForumEvents.StaffAction(actorId, action, "CATEGORY", id, null, before, after));
		changed();
	}

	/** Drops the kept categories now and again once the change is committed (a read in between may keep the old ones). */
	private void changed() {
		kept = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					kept = null;
				}
			});
		}
	}

	/**
	 * Every category in order. Kept for {@link #KEPT_FOR}: the search page and the forms ask for
	 * them on every request, and they change only here, which drops the copy at once (on this
	 * node; another node of a cluster sees an administrator's change within those seconds).
	 */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public List<CategoryView> all() {
		Kept kept = this.kept;
		long now = System.nanoTime();
		if (kept != null && now - kept.readAt() < KEPT_FOR.toNanos()) {
			return kept.categories();
		}
		List<CategoryView> all = categories.findAllByOrderByPositionAsc().stream().map(CategoryView::of).toList();
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// Read inside a writing transaction, the list may hold changes not yet committed.
			this.kept = new Kept(all, now);
		}
		return all;
	}

	/** Categories that take new topics. */
	public List<CategoryView> open() {
		return all().stream().filter(c -> !c.archived()).toList();
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<CategoryView> bySlug(String slug) {
		return categories.findBySlug(slug).map(CategoryView::of);
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<CategoryView> byId(long id) {
		return categories.findById(id).map(CategoryView::of);
	}

	@Transactional
	public Category create(long actorId, String name, String description, boolean advice) {
		String n = checkName(name);
		String d = checkDescription(description);
		String slug = Slugs.slugify(n);
		if (slug.length() > 60) {
			slug = slug.substring(0, 60);
		}
		if (categories.existsBySlug(slug)) {
			throw Refusal.invalid("name", "category.nameTaken");
		}
		int position = categories.findAllByOrderByPositionAsc().stream().mapToInt(Category::getPosition).max().orElse(0) + 1;
		Category created = categories.save(new Category(slug, n, d, position, advice));
		audit(actorId, "category.create", created.getId(), null, n);
		return created;
	}

	@Transactional
	public void update(long actorId, long id, String name, String description, boolean advice) {
		Category category = categories.findById(id).orElseThrow(Refusal::notFound);
		String before = category.getName() + " | " + category.getDescription() + " | advice=" + category.isAdvice();
		category.update(checkName(name), checkDescription(description), advice);
		audit(actorId, "category.update", id, before,
				category.getName() + " | " + category.getDescription() + " | advice=" + category.isAdvice());
	}

	@Transactional
	public void setArchived(long actorId, long id, boolean archived) {
		categories.findById(id).orElseThrow(Refusal::notFound).setArchived(archived);
		audit(actorId, archived ? "category.archive" : "category.unarchive", id, null, null);
	}

	/** Moves a category one place up (-1) or down (+1), swapping with its neighbour. */
	@Transactional
	public void move(long actorId, long id, int direction) {
		List<Category> ordered = categories.findAllByOrderByPositionAsc();
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).getId() == id) {
				index = i;
			}
		}
		if (index < 0) {
			throw Refusal.notFound();
		}
		int other = index + Integer.signum(direction);
		if (other < 0 || other >= ordered.size()) {
			return;
		}
		for (int i = 0; i < ordered.size(); i++) {
			ordered.get(i).setPosition(i + 1);
		}
		ordered.get(index).setPosition(other + 1);
		ordered.get(other).setPosition(index + 1);
		audit(actorId, "category.move", id, String.valueOf(index + 1), String.valueOf(other + 1));
	}

	private static String checkName(String name) {
		String n = PlainText.normalize(name);
		if (n.isEmpty() || PlainText.length(n) > 60 || PlainText.hasForbiddenCharacters(n) || PlainText.hasLineBreaks(n)) {
			throw Refusal.invalid("name", "category.nameInvalid");
		}
		return n;
	}

	private static String checkDescription(String description) {
		String d = PlainText.normalize(description);
		if (PlainText.length(d) > 300 || PlainText.hasForbiddenCharacters(d)) {
			throw Refusal.invalid("description", "category.descriptionInvalid");
		}
		return d;
	}
}
