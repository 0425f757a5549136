package org.steadfast.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.steadfast.common.PrivateWrite;

/**
 * A number that moves whenever a write that some reader could see commits on this node: what
 * every cache of shared pages or page data is checked against. A value computed while the number
 * stayed the same is still right; one computed across a change is thrown away.
 * <p>
 * Every writing transaction counts, except those whose method or class is marked
 * {@link PrivateWrite} (a member's own state, or bookkeeping no page shows) and the event
 * registry's own bookkeeping. The mark travels with the code: renaming or moving a class keeps it.
 * Only this node's commits are seen: in the cluster profile the caches built on it keep pages for
 * seconds only, or are off.
 */
@Component
public class ContentChanges implements TransactionExecutionListener {

	/**
	 * Spring Modulith's event publication registry records and completes each event in transactions
	 * of its own, named after its classes; they show on no page. Without this, every post's
	 * after-commit notifications would count as further changes.
	 */
	static final String EVENT_REGISTRY = "org.springframework.modulith.";

	private final AtomicLong generation = new AtomicLong();

	/** Whether each transaction name seen so far writes only private state: decided once per name. */
	private final Map<String, Boolean> privateByName = new ConcurrentHashMap<>();

	/** The current number; compare it before and after computing something to keep. */
	public long current() {
		return generation.get();
	}

	/** Records a change made without a transaction that this listener would see. */
	public void changed() {
		generation.incrementAndGet();
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		if (failure == null && !transaction.isReadOnly() && !isPrivate(transaction.getTransactionName())) {
			changed();
		}
	}

	/**
	 * Whether a transaction of this name writes only private state. Spring names a declarative
	 * transaction after its class and method ({@code org.steadfast.forum.ReadState.markRead}); an
	 * unnamed or unknown one counts as a change, which is always safe.
	 */
	boolean isPrivate(String transactionName) {
		if (transactionName == null || transactionName.isEmpty()) {
			return false;
		}
		return privateByName.computeIfAbsent(transactionName, ContentChanges::marked);
	}

	private static boolean marked(String transactionName) {
		if (transactionName.startsWith(EVENT_REGISTRY)) {
			return true;
		}
		int dot = transactionName.lastIndexOf('.');
		if (dot <= 0) {
			return false;
		}
		Class<?> type;
		try {
			type = ClassUtils.forName(transactionName.substring(0, dot), ContentChanges.class.getClassLoader());
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
		if (AnnotatedElementUtils.hasAnnotation(type, PrivateWrite.class)) {
			return true;
		}
		String methodName = transactionName.substring(dot + 1);
		boolean[] found = { false };
		ReflectionUtils.doWithMethods(type, method -> found[0] = true,
				method -> method.getName().equals(methodName) && isMarked(method));
		return found[0];
	}

	private static boolean isMarked(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, PrivateWrite.class);
	}
}
