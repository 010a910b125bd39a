package io.mspcs.platformtest;

import io.mspcs.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * A real Kafka broker (one combined KRaft node, from Kafka's own test kit) inside this JVM, with the platform's
 * topics created up front: no auto-created topics, as in production.
 */
public final class InJvmKafka implements KafkaEndpoint, AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static InJvmKafka start(int partitions) {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.network.threads", "2")
                    .setConfigProp("num.io.threads", "2")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            InJvmKafka kafka = new InJvmKafka(cluster);
            kafka.createTopics(partitions);
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("in-JVM Kafka did not start", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    private void createTopics(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(Topics.all().stream()
                    .map(topic -> new NewTopic(topic, topic.endsWith(".dlq") ? 1 : partitions, (short) 1))
                    .toList()).all().get();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
