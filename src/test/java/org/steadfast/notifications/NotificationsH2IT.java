package org.steadfast.notifications;

import org.steadfast.support.IntegrationTest;

@IntegrationTest
class NotificationsH2IT extends NotificationScenarios {
}
