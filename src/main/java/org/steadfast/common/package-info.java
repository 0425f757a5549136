/**
 * The few types every module speaks: a refused action ({@link org.steadfast.common.Refusal}),
 * times as the database holds them ({@link org.steadfast.common.Utc}) and the mark of a write no
 * shared page shows ({@link org.steadfast.common.PrivateWrite}). It depends on nothing of
 * Steadfast and holds no rules of any module.
 */
@ApplicationModule(displayName = "Common", type = ApplicationModule.Type.OPEN)
package org.steadfast.common;

import org.springframework.modulith.ApplicationModule;
