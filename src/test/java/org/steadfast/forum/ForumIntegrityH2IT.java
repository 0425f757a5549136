package org.steadfast.forum;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class ForumIntegrityH2IT extends ForumIntegrityScenarios {
}
