# Account Security Service. Needs only a JDK (17+) and Maven; everything else comes through Maven
# (and, for the browser tests, Debian's chromium packages, installed by scripts/ensure-chromium.sh;
# for the TLS proxy test, Debian's nginx, installed by scripts/ensure-nginx.sh).
MVN ?= mvn -B

.PHONY: run test lint bench package clean

run:            ## the service on :8080 with embedded Redis, SMTP (GreenMail) and H2; demo accounts in the banner
	$(MVN) -q -DskipTests spring-boot:test-run

test:           ## the whole suite: unit, integration (Redis, GreenMail, H2, PostgreSQL if reachable), browser
	./scripts/ensure-chromium.sh || echo "chromium unavailable: browser tests will be skipped"
	./scripts/ensure-nginx.sh || echo "nginx unavailable: the TLS proxy tests will be skipped"
	$(MVN) verify

lint:           ## the formatter (spring-javaformat) and the module checks (no package cycle, no upward import)
	$(MVN) -q spring-javaformat:validate
	$(MVN) -q test -Dtest='ArchitectureTests' -Dsurefire.failIfNoSpecifiedTests=false

bench:          ## benchmarks; prints a table and writes docs/bench/
	./scripts/bench.sh

package:        ## the production jar under target/
	$(MVN) -DskipTests package

clean:
	$(MVN) -q clean
