package io.mspcs.gateway.rest;

import io.mspcs.gateway.service.ApiDocumentation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /api/v1/openapi.json} and the Swagger UI at {@code /api/v1/docs} (gateway.md §8). They describe the API, not
 * any tenant's data, so they answer before authentication (the UI cannot send an API key to load its document).
 */
@ApplicationScoped
public class ApiDocsRoutes {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Customer Success platform API</title>
              <link rel="stylesheet" href="/q/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/q/swagger-ui/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui" });
              </script>
            </body>
            </html>
            """;

    private final ApiDocumentation documentation;

    public ApiDocsRoutes(ApiDocumentation documentation) {
        this.documentation = documentation;
    }

    void register(@Observes Router router) {
        router.get("/api/v1/openapi.json").order(-11).handler(this::document);
        router.get("/api/v1/docs").order(-11).handler(this::page);
    }

    private void document(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/json").end(documentation.document().encode());
    }

    private void page(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/html; charset=utf-8").end(PAGE);
    }
}
