package dev.tollgate.translator.admission;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Manifests of the core kinds for {@link CoreSchemasTest}: realistic objects, every field set,
 * that must pass, and broken ones, each with the JSON Schema keyword and the place it must fail at.
 */
final class CoreSchemaObjects {

  private CoreSchemaObjects() {}

  private static final String FULL_METADATA = """
      metadata:
        name: web
        namespace: shop
        generateName: web-
        uid: 6f1d9c8e-2b7a-4c3e-9d51-0a8f4e2b7c10
        resourceVersion: "48213"
        generation: 3
        selfLink: /api/v1/namespaces/shop/things/web
        creationTimestamp: "2026-01-05T10:11:12Z"
        deletionTimestamp: "2026-02-01T00:00:00Z"
        deletionGracePeriodSeconds: 30
        labels:
          app.kubernetes.io/name: web
          app.kubernetes.io/part-of: shop
          tier: frontend
          empty: ""
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1"}'
          example.com/Owner: team-web
        finalizers:
          - example.com/cleanup
          - kubernetes.io/protect
        ownerReferences:
          - apiVersion: apps/v1
            kind: Deployment
            name: web
            uid: 0c5a2b1e-7f3d-4e2a-8b6c-1d9e0f4a3b21
            controller: true
            blockOwnerDeletion: true
          - apiVersion: v1
            kind: ConfigMap
            name: web-config
            uid: 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d
        managedFields:
          - manager: kubectl-client-side-apply
            operation: Update
            apiVersion: v1
            time: "2026-01-05T10:11:12Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:labels:
                  .: {}
                  f:app.kubernetes.io/name: {}
          - manager: controller
            operation: Apply
            apiVersion: v1
            subresource: status
            time: "2026-01-05T10:11:13Z"
            fieldsType: FieldsV1
            fieldsV1: {f:status: {}}
      """;

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("ClusterIP Service with every field and full metadata", """
            apiVersion: v1
            kind: Service
            """ + FULL_METADATA + """
            spec:
              type: ClusterIP
              selector: {app.kubernetes.io/name: web}
              clusterIP: 10.96.12.34
              clusterIPs: [10.96.12.34, "fd00:10:96::1234"]
              ipFamilies: [IPv4, IPv6]
              ipFamilyPolicy: PreferDualStack
              externalIPs: [203.0.113.7]
              externalTrafficPolicy: Cluster
              internalTrafficPolicy: Local
              sessionAffinity: ClientIP
              sessionAffinityConfig:
                clientIP: {timeoutSeconds: 600}
              publishNotReadyAddresses: true
              trafficDistribution: PreferClose
              ports:
                - {name: http, port: 80, targetPort: 8080, protocol: TCP, appProtocol: http}
                - {name: grpc, port: 9000, targetPort: grpc, appProtocol: kubernetes.io/h2c}
                - {name: dns, port: 53, targetPort: 5353, protocol: UDP}
                - {name: sig, port: 3868, protocol: SCTP}
            status:
              loadBalancer: {}
            """),
        Arguments.of("NodePort Service", """
            apiVersion: v1
            kind: Service
            metadata: {name: web-nodeport, namespace: shop}
            spec:
              type: NodePort
              selector: {app: web}
              externalTrafficPolicy: Local
              internalTrafficPolicy: Cluster
              ipFamilyPolicy: SingleStack
              ipFamilies: [IPv4]
              sessionAffinity: None
              ports:
                - {name: http, port: 80, targetPort: http, nodePort: 30080}
                - {name: https, port: 443, targetPort: 8443, nodePort: 0}
            """),
        Arguments.of("LoadBalancer Service with every load-balancer field and status", """
            apiVersion: v1
            kind: Service
            metadata:
              name: web-lb
              namespace: shop
              annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}
            spec:
              type: LoadBalancer
              selector: {app: web}
              allocateLoadBalancerNodePorts: false
              loadBalancerClass: example.com/internal-vip
              loadBalancerIP: 198.51.100.10
              loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]
              externalTrafficPolicy: Local
              healthCheckNodePort: 32100
              ipFamilyPolicy: RequireDualStack
              ipFamilies: [IPv6, IPv4]
              trafficDistribution: PreferSameZone
              ports:
                - {name: https, port: 443, targetPort: 8443, nodePort: 31443, protocol: TCP}
            status:
              loadBalancer:
                ingress:
                  - ip: 198.51.100.10
                    ipMode: VIP
                    ports: [{port: 443, protocol: TCP}]
              conditions:
                - {type: LoadBalancerReady, status: "True", reason: Ready, message: ok,
                   lastTransitionTime: "2026-01-05T10:11:12Z"}
            """),
        Arguments.of("ExternalName Service", """
            apiVersion: v1
            kind: Service
            metadata: {name: payments, namespace: shop}
            spec:
              type: ExternalName
              externalName: payments.example.com.
              ports:
                - {port: 443}
            """),
        Arguments.of("headless Service without ports", """
            apiVersion: v1
            kind: Service
            metadata: {name: peers}
            spec:
              clusterIP: None
              selector: {app: db}
            """),
        Arguments.of("kubectl-generated Service with null creationTimestamp", """
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels: {app: web}
              name: web
            spec:
              ports:
              - name: 80-80
                port: 80
                protocol: TCP
                targetPort: 80
              selector: {app: web}
              type: ClusterIP
            status:
              loadBalancer: {}
            """),
        Arguments.of("EndpointSlice with every field", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            """ + FULL_METADATA.replace("name: web\n", "name: web-abc12\n") + """
            addressType: IPv4
            ports:
              - {name: http, port: 8080, protocol: TCP, appProtocol: http}
              - {name: metrics, port: 9090}
              - {name: all}
            endpoints:
              - addresses: [10.244.1.5]
                conditions: {ready: true, serving: true, terminating: false}
                hostname: web-0
                nodeName: node-a.example.internal
                zone: europe-west1-b
                targetRef:
                  apiVersion: v1
                  kind: Pod
                  name: web-0
                  namespace: shop
                  uid: 1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b
                  resourceVersion: "1234"
                  fieldPath: spec.containers{web}
                hints:
                  forZones: [{name: europe-west1-b}]
                  forNodes: [{name: node-a.example.internal}]
                deprecatedTopology:
                  topology.kubernetes.io/region: europe-west1
              - addresses: [10.244.2.9, 10.244.2.10]
                conditions: {}
            """),
        Arguments.of("EndpointSlice of FQDNs with no ports", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: external
              labels: {kubernetes.io/service-name: external}
            addressType: FQDN
            ports: []
            endpoints:
              - addresses: [api.example.com]
            """),
        Arguments.of("TLS Secret", """
            apiVersion: v1
            kind: Secret
            """ + FULL_METADATA + """
            type: kubernetes.io/tls
            data:
              tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ4VENDQVd1Z0F3SUJBZ0lVCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K
              tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5CkFnRUdDQ3FHU000OQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==
              ca.crt: ""
            """),
        Arguments.of("Opaque Secret with stringData", """
            apiVersion: v1
            kind: Secret
            metadata: {name: api-credentials, namespace: shop, labels: {app: api}}
            type: Opaque
            immutable: true
            stringData:
              username: admin
              password: s3cr3t with spaces
              config.yaml: |
                endpoint: https://api.example.com
                retries: 3
            data:
              token: dG9rZW4=
            """),
        Arguments.of("ConfigMap with data and binaryData", """
            apiVersion: v1
            kind: ConfigMap
            """ + FULL_METADATA + """
            immutable: false
            data:
              app.properties: |
                color=blue
                size=3
              LOG_LEVEL: debug
              empty: ""
            binaryData:
              logo.png: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
            """),
        Arguments.of("Namespace with labels and finalizers", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels:
                kubernetes.io/metadata.name: shop
                shared-gateway-access: "true"
              annotations: {scheduler.alpha.kubernetes.io/node-selector: "pool=web"}
              finalizers: [example.com/backup]
              ownerReferences:
                - {apiVersion: example.com/v1, kind: Tenant, name: shop, uid: 2d3e4f50-6172-4839-9a0b-1c2d3e4f5061}
              managedFields:
                - {manager: kubectl, operation: Apply, apiVersion: v1, fieldsType: FieldsV1,
                   fieldsV1: {f:metadata: {f:labels: {}}}}
            spec:
              finalizers: [kubernetes]
            status:
              phase: Active
              conditions:
                - {type: NamespaceDeletionDiscoveryFailure, status: "False"}
            """));
  }


  static Stream<Arguments> broken() {
    return Stream.of(
        // Unknown fields.
        Arguments.of("unknown field in ServiceSpec", "additionalProperties", "/spec", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}]
              loadBalancerIp: 10.0.0.1
            """),
        Arguments.of("unknown field in ServicePort", "additionalProperties", "/spec/ports/0", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80, target_port: 8080}]
            """),
        Arguments.of("unknown top-level field", "additionalProperties", "", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            datas: {a: b}
            """),
        Arguments.of("unknown field in ObjectMeta", "additionalProperties", "/metadata", """
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, label: {app: web}}
            """),
        Arguments.of("unknown field in OwnerReference", "additionalProperties", "/metadata/ownerReferences/0", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              ownerReferences: [{apiVersion: v1, kind: Pod, name: p, uid: u, namespace: shop}]
            """),
        Arguments.of("unknown field in EndpointConditions", "additionalProperties", "/endpoints/0/conditions", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1], conditions: {healthy: true}}]
            """),
        Arguments.of("unknown field in EndpointSlice targetRef", "additionalProperties", "/endpoints/0/targetRef", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1], targetRef: {kind: Pod, name: p, labels: {}}}]
            """),
        Arguments.of("unknown field in NamespaceSpec", "additionalProperties", "/spec", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            spec: {finalizer: [kubernetes]}
            """),
        // Wrong types.
        Arguments.of("port as a string", "type", "/spec/ports/0/port", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: "80"}]
            """),
        Arguments.of("targetPort neither integer nor string", "type", "/spec/ports/0/targetPort", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80, targetPort: [8080]}]
            """),
        Arguments.of("selector value as a number", "type", "/spec/selector/version", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {version: 2}
              ports: [{port: 80}]
            """),
        Arguments.of("ConfigMap data value as a number", "type", "/data/port", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {port: 8080}
            """),
        Arguments.of("Secret data as a list", "type", "/data", """
            apiVersion: v1
            kind: Secret
            metadata: {name: creds}
            data: [dG9rZW4=]
            """),
        Arguments.of("label value as a boolean", "type", "/metadata/labels/enabled", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {enabled: true}}
            """),
        Arguments.of("endpoint condition as a string", "type", "/endpoints/0/conditions/ready", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1], conditions: {ready: "yes"}}]
            """),
        Arguments.of("Namespace finalizers not a list", "type", "/spec/finalizers", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            spec: {finalizers: kubernetes}
            """),
        Arguments.of("creationTimestamp not a date-time", "format", "/metadata/creationTimestamp", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, creationTimestamp: yesterday}
            """),
        Arguments.of("generation as a string", "type", "/metadata/generation", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, generation: "1"}
            """),
        // Wrong enum values.
        Arguments.of("Service type misspelt", "enum", "/spec/type", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: Loadbalancer
              ports: [{port: 80}]
            """),
        Arguments.of("protocol in lower case", "enum", "/spec/ports/0/protocol", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80, protocol: tcp}]
            """),
        Arguments.of("unknown sessionAffinity", "enum", "/spec/sessionAffinity", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              sessionAffinity: Cookie
              ports: [{port: 80}]
            """),
        Arguments.of("unknown externalTrafficPolicy", "enum", "/spec/externalTrafficPolicy", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: NodePort
              externalTrafficPolicy: Nearest
              ports: [{port: 80}]
            """),
        Arguments.of("unknown internalTrafficPolicy", "enum", "/spec/internalTrafficPolicy", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              internalTrafficPolicy: Zone
              ports: [{port: 80}]
            """),
        Arguments.of("unknown ipFamilyPolicy", "enum", "/spec/ipFamilyPolicy", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ipFamilyPolicy: DualStack
              ports: [{port: 80}]
            """),
        Arguments.of("unknown IP family", "enum", "/spec/ipFamilies/0", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ipFamilies: [IPv5]
              ports: [{port: 80}]
            """),
        Arguments.of("unknown EndpointSlice addressType", "enum", "/addressType", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IP
            endpoints: [{addresses: [10.0.0.1]}]
            """),
        Arguments.of("unknown EndpointPort protocol", "enum", "/ports/0/protocol", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            ports: [{port: 80, protocol: HTTP}]
            endpoints: [{addresses: [10.0.0.1]}]
            """),
        // Missing required fields.
        Arguments.of("ServicePort without port", "required", "/spec/ports/0", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{name: http, targetPort: 8080}]
            """),
        Arguments.of("EndpointSlice without addressType", "required", "", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            endpoints: [{addresses: [10.0.0.1]}]
            """),
        Arguments.of("EndpointSlice without endpoints", "required", "", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            """),
        Arguments.of("Endpoint without addresses", "required", "/endpoints/0", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            endpoints: [{conditions: {ready: true}}]
            """),
        Arguments.of("zone hint without name", "required", "/endpoints/0/hints/forZones/0", """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-1}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1], hints: {forZones: [{zone: a}]}}]
            """),
        Arguments.of("OwnerReference without uid", "required", "/metadata/ownerReferences/0", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]
            """));
  }
}
