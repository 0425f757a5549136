package org.steadfast.forum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.steadfast.common.Refusal;

/**
 * A write whose whole transaction is tried again, after a short random pause, when the database
 * gives it up to a concurrent one (deadlock, lock wait timeout, a row changed underneath): up to
 * {@link TransientRetries#ATTEMPTS} times, then {@link Refusal.Reason#BUSY}, which the
 * forms show with the member's text kept. Only the outermost such call retries, as only it owns
 * the transaction; put it on public service methods next to {@code @Transactional}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetriedWhenBusy {
}
