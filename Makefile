# Account Security Service. Needs only a JDK (17+) and Maven; everything else comes through Maven
# (and, for the browser tests, Debian's chromium packages, installed by scripts/ensure-chromium.sh;
# for the TLS proxy test, Debian's nginx, installed by scripts/ensure-nginx.sh).
MVN ?= mvn -B

.PHONY: run test lint deps bench fuzz soak scan package clean

# make run starts java itself (scripts/run.sh), since Maven alone takes 4-7 s even with nothing to build; Maven
# builds (and writes the class path) only when the pom or a file under src/ changed since the last build.
export JAVA ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/java,java)
RUN_CLASSPATH = target/run/classpath.txt

run: $(RUN_CLASSPATH)  ## the service on :8080 with embedded Redis, SMTP (GreenMail) and H2; demo accounts in the banner
	./scripts/run.sh

$(RUN_CLASSPATH): pom.xml $(shell find src/main src/test -type f)
	$(MVN) -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=$(CURDIR)/$@
	@touch $@

test:           ## the whole suite: unit, integration (Redis, GreenMail, H2, PostgreSQL if reachable), browser
	./scripts/ensure-chromium.sh || echo "chromium unavailable: browser tests will be skipped"
	./scripts/ensure-nginx.sh || echo "nginx unavailable: the TLS proxy tests will be skipped"
	$(MVN) verify

lint:           ## the formatter (spring-javaformat) and the module checks (no package cycle, no upward import)
	$(MVN) -q spring-javaformat:validate
	$(MVN) -q test -Dtest='ArchitectureTests' -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.regression.skip=true

bench:          ## benchmarks; prints a table and writes docs/bench/
	./scripts/bench.sh

fuzz:           ## Jazzer: every @FuzzTest target fuzzed for FUZZ_SECONDS (600) in total; executions and findings per target
	./scripts/fuzz.sh

soak:           ## SOAK_MINUTES (30) of mixed load on one instance; heap, RSS, threads, files, Redis keys, rows per minute and their slopes
	./scripts/soak.sh

scan:           ## wapiti and sqlmap (Debian packages, installed when missing) against the service in local mode; docs/scan/latest.md
	./scripts/scan.sh

package:        ## the production jar under target/
	$(MVN) -DskipTests package

# versions-maven-plugin at the version Boot manages (2.21.0; 2.25.1 needs Maven 3.9). Pre-releases are left out.
# Offline, or when the registry fails, it falls back to what the local cache knows.
DEPS_GOALS = versions:display-dependency-updates versions:display-plugin-updates \
	-DprocessDependencyManagement=false -Dmaven.version.ignore='(?i).*[.-](alpha|beta|m|rc|cr|milestone)[.-]?[0-9]*' \
	-Dversions.outputFile=$(CURDIR)/target/deps.txt -Dversions.outputLineWidth=120

deps:           ## dependencies and build plugins that have newer releases; the Maven log is in target/deps.log
	@mkdir -p target && rm -f target/deps.txt
	@$(MVN) $(DEPS_GOALS) > target/deps.log 2>&1 || $(MVN) -o $(DEPS_GOALS) > target/deps.log 2>&1 \
		|| echo "make deps: neither the registry nor the local cache could answer (see target/deps.log)"
	@cat target/deps.txt 2>/dev/null || true

clean:
	$(MVN) -q clean
