package org.steadfast.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a transactional method, or every transaction a class opens, as writing only what no shared
 * page shows: a member's own read markers, notifications, mail and digests, or bookkeeping. Such a
 * commit leaves the kept pages of everyone else alone.
 * <p>
 * Put it only where it is true: a write some other reader could see, left unmarked, costs a page
 * rendered again; marked wrongly, it leaves a stale page in front of everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PrivateWrite {
}
