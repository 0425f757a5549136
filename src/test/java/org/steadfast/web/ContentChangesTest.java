package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.PrivateWrite;
import org.steadfast.forum.ReadState;
import org.steadfast.forum.TopicService;
import org.steadfast.notifications.Notifier;

class ContentChangesTest {

	private final ContentChanges changes = new ContentChanges();

	@PrivateWrite
	static class OwnStateOnly {
		void save() {
		}
	}

	static class Mixed {
		@PrivateWrite
		void markSeen() {
		}

		void publish() {
		}
	}

	@Test
	void aMarkedClassOrMethodIsPrivateAndEverythingElseCounts() {
		assertThat(changes.isPrivate(OwnStateOnly.class.getName() + ".save")).isTrue();
		assertThat(changes.isPrivate(Mixed.class.getName() + ".markSeen")).isTrue();
		assertThat(changes.isPrivate(Mixed.class.getName() + ".publish")).isFalse();
		assertThat(changes.isPrivate(ReadState.class.getName() + ".markRead")).isTrue();
		assertThat(changes.isPrivate(TopicService.class.getName() + ".reply")).isFalse();
	}

	@Test
	void anUnnamedOrUnknownTransactionCountsAsAChange() {
		assertThat(changes.isPrivate(null)).isFalse();
		assertThat(changes.isPrivate("")).isFalse();
		assertThat(changes.isPrivate("noDots")).isFalse();
		assertThat(changes.isPrivate("org.steadfast.NoSuchClass.save")).isFalse();
		assertThat(changes.isPrivate(Mixed.class.getName() + ".noSuchMethod")).isFalse();
	}

	@Test
	void theEventRegistrysBookkeepingIsPrivate() {
		assertThat(changes.isPrivate(ContentChanges.EVENT_REGISTRY + "events.support.DefaultEventPublicationRegistry.store"))
				.isTrue();
	}

	@Test
	void onlyACommittedWriteThatIsNotPrivateMovesTheNumber() {
		long before = changes.current();
		changes.afterCommit(transaction(Mixed.class.getName() + ".markSeen", false), null);
		changes.afterCommit(transaction(Mixed.class.getName() + ".publish", true), null);
		changes.afterCommit(transaction(Mixed.class.getName() + ".publish", false), new IllegalStateException());
		assertThat(changes.current()).isEqualTo(before);
		changes.afterCommit(transaction(Mixed.class.getName() + ".publish", false), null);
		assertThat(changes.current()).isEqualTo(before + 1);
	}

	/**
	 * Every transaction the notifications module opens writes a member's own notifications, mail or
	 * digest: each class in it that opens one is marked, so that a post's after-commit notices do not
	 * throw every kept page away a second time.
	 */
	@Test
	void everyTransactionOfTheNotificationsModuleIsPrivate() throws Exception {
		// The application's own classes only, not the tests beside them in the same packages.
		String classes = Notifier.class.getProtectionDomain().getCodeSource().getLocation().toString();
		List<Class<?>> opening = classesOpeningTransactions(classes + "org/steadfast/notifications/**/*.class");
		assertThat(opening).hasSizeGreaterThanOrEqualTo(5);
		for (Class<?> type : opening) {
			for (Method method : type.getDeclaredMethods()) {
				if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
					assertThat(changes.isPrivate(type.getName() + "." + method.getName()))
							.as("%s.%s is marked @PrivateWrite", type.getSimpleName(), method.getName()).isTrue();
				}
			}
		}
	}

	private static List<Class<?>> classesOpeningTransactions(String pattern) throws IOException, ClassNotFoundException {
		MetadataReaderFactory readers = new CachingMetadataReaderFactory();
		List<Class<?>> found = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
			Class<?> type = Class.forName(name, false, ContentChangesTest.class.getClassLoader());
			if (opensTransactions(type)) {
				found.add(type);
			}
		}
		return found;
	}

	private static boolean opensTransactions(Class<?> type) {
		if (AnnotatedElementUtils.hasAnnotation(type, Transactional.class)) {
			return true;
		}
		for (Method method : type.getDeclaredMethods()) {
			if (AnnotatedElementUtils.hasAnnotation(method, Transactional.class)
					|| AnnotatedElementUtils.hasAnnotation(method, ApplicationModuleListener.class)) {
				return true;
			}
		}
		for (var field : type.getDeclaredFields()) {
			if (field.getType().getName().equals("org.springframework.transaction.support.TransactionTemplate")) {
				return true;
			}
		}
		return false;
	}

	private static TransactionExecution transaction(String name, boolean readOnly) {
		return new TransactionExecution() {
			@Override
			public String getTransactionName() {
				return name;
			}

			@Override
			public boolean hasTransaction() {
				return true;
			}

			@Override
			public boolean isNewTransaction() {
				return true;
			}

			@Override
			public boolean isNested() {
				return false;
			}

			@Override
			public boolean isReadOnly() {
				return readOnly;
			}

			@Override
			public void setRollbackOnly() {
			}

			@Override
			public boolean isRollbackOnly() {
				return false;
			}

			@Override
			public boolean isCompleted() {
				return false;
			}
		};
	}
}
