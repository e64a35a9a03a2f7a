package org.lracademy.api;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;

/** The job API calls tests share, made over HTTP with REST Assured. */
public final class JobCalls {

    private JobCalls() {
    }

    /** Submits a job of the test kind {@code scripted} and answers its id. */
    public static String submit(String owner, String spec) {
        return given().header("X-Owner", owner).contentType("application/json").body(spec)
                .post("/api/v1/jobs?kind=scripted")
                .then().statusCode(202).extract().path("id");
    }

    public static Response job(String owner, String id) {
        return given().header("X-Owner", owner).get("/api/v1/jobs/" + id);
    }

    public static Response cancel(String owner, String id) {
        return given().header("X-Owner", owner).delete("/api/v1/jobs/" + id);
    }

    /** Polls the job until it is in one of {@code states}, for up to 30 s; answers the state reached. */
    public static String awaitState(String owner, String id, String... states) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String state = job(owner, id).path("state");
            if (List.of(states).contains(state)) {
                return state;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not reach " + List.of(states));
    }
}
