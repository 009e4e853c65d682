#!/bin/sh
# Runs one of the image's Kafka tools as the brokers' own user (a super user), over their internal listener
# (SASL/PLAIN, port 9094). The password comes from the environment; the client configuration that holds it is
# readable by this user only and lives only while the tool runs.
#   as-admin.sh kafka-broker-api-versions.sh --bootstrap-server 127.0.0.1:9094
set -eu
: "${CORDON_KAFKA_ADMIN_PASSWORD:?set CORDON_KAFKA_ADMIN_PASSWORD}"
tool=$1
shift
umask 077
config=$(mktemp)
trap 'rm -f "$config"' EXIT INT TERM
printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=PLAIN' \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"cordon-broker\" password=\"$CORDON_KAFKA_ADMIN_PASSWORD\";" \
  > "$config"
"${KAFKA_BIN:-/opt/kafka/bin}/$tool" --command-config "$config" "$@"
