package org.steadfast.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A number that moves whenever a write that some reader could see commits on this node: what
 * every cache of shared pages or page data is checked against. A value computed while the number
 * stayed the same is still right; one computed across a change is thrown away.
 * <p>
 * Every writing transaction counts, except those named in {@link #PRIVATE_WRITES}, which change
 * only a member's own state (read markers, notifications, mail) or bookkeeping no page shows.
 * Only this node's commits are seen: in the cluster profile the caches built on it keep pages for
 * seconds only, or are off.
 */
@Component
public class ContentChanges implements TransactionExecutionListener {

	/** Transactions that write only a member's own state, which no shared page shows. */
	private static final List<String> PRIVATE_WRITES = List.of("org.steadfast.forum.ReadState.markRead",
			// Prefixes (ending in a dot): notifications, mail and digests are a member's own; the event
			// registry's and the job records' bookkeeping shows on no page. Without these, every post's
			// after-commit notifications would count as a second change.
			"org.steadfast.notifications.", "org.springframework.modulith.", "org.steadfast.ops.");

	private final AtomicLong generation = new AtomicLong();

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

	static boolean isPrivate(String transactionName) {
		if (transactionName == null) {
			return false;
		}
		for (String write : PRIVATE_WRITES) {
			if (write.endsWith(".") ? transactionName.startsWith(write) : transactionName.equals(write)) {
				return true;
			}
		}
		return false;
	}
}
