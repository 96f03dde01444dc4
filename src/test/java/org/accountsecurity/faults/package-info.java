/**
 * The service against real failing servers: a Redis Cluster, a Sentinel failover, a
 * crashed instance, and outages of SMTP, PostgreSQL and Redis. Each test class starts its
 * own servers on free ports and stops them, also when it fails.
 */
package org.accountsecurity.faults;
