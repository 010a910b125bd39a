package io.mspcs.gateway.config;

import io.mspcs.gateway.domain.ApiKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

@Singleton
public class ApiKeysProducer {

    @Produces
    @Singleton
    ApiKeys apiKeys(GatewayConfig config) {
        return new ApiKeys(config.apiKeyPepper(), new SecureRandom());
    }
}
