import Foundation
import LedgerportRuntime
import Testing

@Suite struct ServeConfigurationTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-config-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaults_listenOnLoopback() throws {
        let configuration = try ServeConfiguration.load(path: nil, environment: [:])
        #expect(configuration.listenAddress == "127.0.0.1")
        #expect(configuration.sqliteSynchronous == "full")
    }

    @Test func file_valuesAreRead() throws {
        let path = try write(#"{"listen": {"port": 9100}, "data_dir": "/tmp/lp", "delivery": {"workers": 4}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try ServeConfiguration.load(path: path, environment: [:])
        #expect(configuration.port == 9100)
        #expect(configuration.dataDirectory == "/tmp/lp")
        #expect(configuration.deliveryWorkers == 4)
    }

    @Test func environment_overridesFile() throws {
        let path = try write(#"{"listen": {"port": 9100}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_PORT": "9200", "LEDGERPORT_DATA_DIR": "/srv/lp"])
        #expect(configuration.port == 9200)
        #expect(configuration.dataDirectory == "/srv/lp")
        #expect(configuration.dataDirectoryOrigin == "LEDGERPORT_DATA_DIR")
    }

    @Test func dataFolderFromEnvironment_namesTheFileValueItOverrides() throws {
        let path = try write(#"{"data_dir": "/var/lib/ledgerport"}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let overridden = try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_DATA_DIR": "/tmp/lp-demo"])
        let fromFile = try ServeConfiguration.load(path: path, environment: [:])

        #expect(overridden.dataDirectory == "/tmp/lp-demo")
        #expect(overridden.dataDirectoryOrigin == #"LEDGERPORT_DATA_DIR, which overrides data_dir "/var/lib/ledgerport" in the configuration file"#)
        #expect(fromFile.dataDirectoryOrigin == "data_dir in the configuration file")
    }

    @Test func severalMistakes_areReportedTogether() throws {
        let path = try write(#"{"listen": {"port": "8600", "adress": "0.0.0.0"}, "http": {"threads": 0}, "log": {"level": "loud"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_PAYLOAD_RETENTION_DAYS": "thirty"])
            Issue.record("expected an error for the mistakes")
        } catch {
            let pointers = [error.pointer] + error.others.map(\.pointer)
            #expect(pointers == ["/listen/adress", "/listen/port", "LEDGERPORT_PAYLOAD_RETENTION_DAYS", "/http/threads", "/log/level"])
            #expect(error.description.split(separator: "\n").count == 5)
            #expect(error.description.contains("threads 0 is out of range; use 1 to 64"))
        }
    }

    @Test func unknownKey_namesPointerAndChoices() throws {
        let path = try write(#"{"listen": {"adress": "0.0.0.0"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ServeConfiguration.load(path: path, environment: [:])
            Issue.record("expected an error for the misspelt key")
        } catch {
            #expect(error.pointer == "/listen/adress")
            #expect(error.description.contains("\"address\""))
        }
    }

    @Test func outOfRangeValue_isRejected() throws {
        let path = try write(#"{"sqlite": {"synchronous": "off"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration.load(path: path, environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration.load(path: nil, environment: ["LEDGERPORT_PORT": "http"]) }
    }

    @Test func invalidVariable_namesTheVariableNotTheFile() throws {
        let path = try write(#"{"log": {"level": "info"}, "sqlite": {"synchronous": "full"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let environment = ["LEDGERPORT_LOG_LEVEL": "loud", "LEDGERPORT_SQLITE_SYNCHRONOUS": "fast", "LEDGERPORT_PAYLOAD_RETENTION_DAYS": "-3"]

        #expect {
            try ServeConfiguration.load(path: path, environment: environment)
        } throws: { error in
            let text = "\(error)"
            return text.contains("invalid configuration in environment at LEDGERPORT_LOG_LEVEL: log level \"loud\" is not known")
                && text.contains("in environment at LEDGERPORT_SQLITE_SYNCHRONOUS: synchronous \"fast\" is not supported")
                && text.contains("in environment at LEDGERPORT_PAYLOAD_RETENTION_DAYS: payload_retention_days must not be negative")
                && !text.contains(path)
        }
    }

    @Test func synchronousInCapitals_isRead() throws {
        let path = try write(#"{"sqlite": {"synchronous": "FULL"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect(try ServeConfiguration.load(path: path, environment: [:]).sqliteSynchronous == "full")
        #expect(try ServeConfiguration.load(path: nil, environment: ["LEDGERPORT_SQLITE_SYNCHRONOUS": "Normal"]).sqliteSynchronous == "normal")
    }

    @Test func misspeltKey_suggestsTheClosest() throws {
        let path = try write(#"{"delivery": {"wrkers": 3}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect {
            try ServeConfiguration.load(path: path, environment: [:])
        } throws: { error in
            "\(error)".contains(#"at /delivery/wrkers: unknown key "wrkers"; did you mean "workers"? use one of"#)
        }
    }

    @Test func invalidFileValue_stillNamesTheFile() throws {
        let path = try write(#"{"log": {"level": "loud"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect {
            try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_PORT": "9100"])
        } throws: { error in
            "\(error)".contains("invalid configuration in \(path) at /log/level")
        }
    }

    @Test func connectionURLHosts_readFromFileAndEnvironment() throws {
        let path = try write(#"{"admin": {"connection_url_hosts": ["odoo.example.com", "*.acme.example"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let fromFile = try ServeConfiguration.load(path: path, environment: [:])
        let fromEnvironment = try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_ADMIN_CONNECTION_URL_HOSTS": " erp.example.com, 10.0.0.5 ,"])

        #expect(fromFile.connectionURLHosts == ["odoo.example.com", "*.acme.example"])
        #expect(fromEnvironment.connectionURLHosts == ["erp.example.com", "10.0.0.5"])
        #expect(try ServeConfiguration.load(path: nil, environment: [:]).connectionURLHosts.isEmpty)
    }

    @Test func connectionURLHostWithScheme_namesPointer() throws {
        let path = try write(#"{"admin": {"connection_url_hosts": ["odoo.example.com", "https://erp.example.com"]}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ServeConfiguration.load(path: path, environment: [:])
            Issue.record("expected an error for the URL in the host list")
        } catch {
            #expect(error.pointer == "/admin/connection_url_hosts/1")
            #expect(error.description.contains("\"https://erp.example.com\""))
        }
    }

    @Test func metricsRequireToken_readFromFileAndEnvironment() throws {
        let path = try write(#"{"metrics": {"require_token": false}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let fromFile = try ServeConfiguration.load(path: path, environment: [:])
        let fromEnvironment = try ServeConfiguration.load(path: path, environment: ["LEDGERPORT_METRICS_REQUIRE_TOKEN": "true"])

        #expect(fromFile.metricsRequireToken == false)
        #expect(fromEnvironment.metricsRequireToken == true)
        #expect(try ServeConfiguration.load(path: nil, environment: [:]).metricsRequireToken == true)
    }

    @Test func metricsRequireTokenAsString_namesPointer() throws {
        let path = try write(#"{"metrics": {"require_token": "no"}}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ServeConfiguration.load(path: path, environment: [:])
            Issue.record("expected an error for the quoted flag")
        } catch {
            #expect(error.pointer == "/metrics/require_token")
            #expect(error.description.contains("expected true or false"))
        }
    }
}
