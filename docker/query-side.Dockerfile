# syntax=docker/dockerfile:1
# Cordon query side. Build context: the repository root
#   docker build -f docker/query-side.Dockerfile -t cordon-query-side .

# The build stage compiles the reactor modules this service needs (not the tests: they run in CI, on PostgreSQL
# and Kafka that a build stage does not have). Maven's cache survives between builds.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl query-side -am -Dmaven.test.skip=true package \
    && cp query-side/target/query-side-*-exec.jar /tmp/app.jar

FROM eclipse-temurin:17.0.13_11-jre-noble
# A fixed numeric id, so that orchestrators can check "not root" without resolving a name.
RUN groupadd --system --gid 10001 cordon \
    && useradd --system --uid 10001 --gid cordon --no-create-home --shell /usr/sbin/nologin cordon
WORKDIR /app
# Only the executable jar; owned by root, so the service cannot rewrite its own code.
COPY --from=build /tmp/app.jar /app/app.jar
USER 10001:10001
EXPOSE 8082
# curl ships with this Temurin image. The shell form reads the port the service really listens on.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${CORDON_QUERY_PORT:-8082}/actuator/health/readiness" || exit 1
# Heap sized from the container's memory limit; an OutOfMemoryError ends the process so the orchestrator
# replaces it instead of leaving a half-working replica.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
