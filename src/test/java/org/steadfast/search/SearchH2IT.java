package org.steadfast.search;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class SearchH2IT extends SearchScenarios {
}
