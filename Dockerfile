# The scheduler's image: every role runs from it (PHOENIX_ROLE picks). Build the shaded jar
# first (mvn -pl bootstrap -am package), then:
#   docker build -t registry.example.com/phoenix-scheduler:0.1.0 .
# and set that name and tag in deploy/kustomization.yaml.
FROM eclipse-temurin:17-jre

# the same non-root user as deploy/ (runAsUser: 10001), owning nothing in the image
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin phoenix

COPY bootstrap/target/phoenix-scheduler.jar /opt/phoenix/phoenix-scheduler.jar

# read-only root friendly: the only writes go to /tmp (mount an emptyDir there) and, for the
# embedded H2 store of a single-process trial, to ./data under the working directory
WORKDIR /tmp
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp" \
    PHOENIX_DB_URL="jdbc:h2:file:/tmp/data/phoenix" \
    PHOENIX_GRPC_BIND=0.0.0.0 \
    PHOENIX_METRICS_BIND=0.0.0.0

USER 10001
EXPOSE 50051 9464
ENTRYPOINT ["java", "-jar", "/opt/phoenix/phoenix-scheduler.jar"]
CMD ["serve"]
