package org.lracademy.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiKeyTest.KeysOn.class)
class ApiKeyTest {

    /** Two keys, two owners. */
    public static class KeysOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("academy.api-keys", "k-alice=alice,k-bob=bob");
        }
    }

    @Test
    void requestsWithoutAKnownKeyAreUnauthorized() {
        given().get("/api/v1/jobs").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "guess").get("/api/v1/jobs").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "k-alice").get("/api/v1/jobs").then().statusCode(200);
    }

    @Test
    void theKeyNamesTheOwnerAndAnotherKeySeesNothing() {
        String id = given().header("X-API-Key", "k-alice").header("X-Owner", "bob").contentType("application/json")
                .body("{\"steps\": 1}").post("/api/v1/jobs?kind=scripted").then().statusCode(202).extract()
                .path("id");

        given().header("X-API-Key", "k-alice").get("/api/v1/jobs/" + id).then().statusCode(200)
                .body("owner", is("alice"));
        given().header("X-API-Key", "k-bob").get("/api/v1/jobs/" + id).then().statusCode(404);
        given().header("X-API-Key", "k-bob").delete("/api/v1/jobs/" + id).then().statusCode(404);
    }
}
