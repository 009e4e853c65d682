#!/bin/sh
# Gives Cordon's two services their broker users (SASL/SCRAM-SHA-512) and exactly what each side needs, as the
# standalone launcher does (standalone's BrokerAccess): the command side writes (and creates) the topic; the query
# side reads it, in its consumer group or without one (a rebuild). Nothing else is allowed: the brokers deny
# whatever no ACL allows. Idempotent; compose runs it (kafka-init) before either service starts.
set -eu
: "${CORDON_KAFKA_COMMAND_SIDE_PASSWORD:?set CORDON_KAFKA_COMMAND_SIDE_PASSWORD}"
: "${CORDON_KAFKA_QUERY_SIDE_PASSWORD:?set CORDON_KAFKA_QUERY_SIDE_PASSWORD}"
case "$CORDON_KAFKA_COMMAND_SIDE_PASSWORD$CORDON_KAFKA_QUERY_SIDE_PASSWORD" in
  *[!A-Za-z0-9_-]*) echo "The broker passwords must be letters, digits, - and _ (openssl rand -hex 24)" >&2; exit 1 ;;
esac
here=$(dirname "$0")
bootstrap=${KAFKA_INTERNAL_BOOTSTRAP:-kafka-1:9094,kafka-2:9094,kafka-3:9094}
topic=${CORDON_KAFKA_TOPIC:-cordon.device-events}
group=${CORDON_QUERY_CONSUMER_GROUP:-cordon-query}

scram() {
  "$here/as-admin.sh" kafka-configs.sh --bootstrap-server "$bootstrap" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
}
scram cordon-command-side "$CORDON_KAFKA_COMMAND_SIDE_PASSWORD"
scram cordon-query-side "$CORDON_KAFKA_QUERY_SIDE_PASSWORD"

"$here/as-admin.sh" kafka-acls.sh --bootstrap-server "$bootstrap" --add --allow-principal User:cordon-command-side \
  --operation Write --operation Create --operation Describe --operation DescribeConfigs --topic "$topic" > /dev/null
"$here/as-admin.sh" kafka-acls.sh --bootstrap-server "$bootstrap" --add --allow-principal User:cordon-query-side \
  --operation Read --operation Describe --topic "$topic" --group "$group" > /dev/null
echo "Granted cordon-command-side and cordon-query-side their access to $topic"
