package org.steadfast.notifications;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class DigestH2IT extends DigestScenarios {
}
