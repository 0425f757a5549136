package org.steadfast.notifications;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class DigestMariaDbIT extends DigestScenarios {
}
