package org.steadfast.search;

import java.util.Set;

/**
 * Members whose content a reader must not find, for example because they blocked the reader.
 * Implemented by the module that keeps such relations; every implementation is asked and the
 * answers are combined. Without one, nobody is hidden.
 */
public interface HiddenAuthors {

	Set<Long> hiddenFrom(long readerId);
}
