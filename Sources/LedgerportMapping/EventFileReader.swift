import Foundation
import LedgerportSDK

/// Turns a source's native payload, such as a Stripe webhook body, into canonical events.
///
/// A dry run uses translators for event files that are not canonical events.
/// The source connector's own translation runs here, so a dry run gets
/// exactly the canonical events a delivery would get.
package protocol NativeEventTranslator: Sendable {
    /// The source's name for messages, such as `stripe`.
    var sourceName: String { get }

    /// Returns whether `document` is a native payload of this source.
    func recognizes(_ document: JSONValue) -> Bool

    /// Translates the payload bytes, exactly as the source sent them.
    func translate(_ payload: [UInt8]) async throws -> [CanonicalEvent]
}

/// One canonical event read for a dry run or a diff, as JSON, with where it came from.
package struct EventDocument: Sendable {
    /// The file and, for files with several events, the position, such as `events.json#2`.
    package var origin: String
    /// The canonical event as written (null kept apart from missing) or as translated.
    package var json: JSONValue

    package init(origin: String, json: JSONValue) {
        self.origin = origin
        self.json = json
    }

    /// The event's `id`, or `?` when the document has none.
    package var eventID: String { json["id"]?.stringValue ?? "?" }
    /// The event's `type`, or `?` when the document has none.
    package var eventType: String { json["type"]?.stringValue ?? "?" }
}

/// A file a dry run cannot read as events.
package struct EventFileError: Error, Sendable, CustomStringConvertible {
    /// The file, as given.
    package var file: String
    /// The problem with the file.
    package var message: String
    /// The next step for the user.
    package var hint: String

    /// `read events from FILE: message; hint`.
    package var description: String { "read events from \(file): \(message); \(hint)" }
}

/// Reads canonical events from files for dry runs and diffs.
package enum EventFileReader {
    /// Reads the events in one file.
    ///
    /// A file may hold a canonical event (it has `envelope_version`), a list of
    /// them, or a native payload that one of `translators` recognizes. A
    /// recorded HTTP request (an object with `raw_body`, as in Ledgerport's
    /// reference recordings) is unwrapped to its body first. `name` names the
    /// file in origins and errors; it defaults to the file's path.
    package static func read(_ url: URL, name: String? = nil, translators: [any NativeEventTranslator]) async throws(EventFileError) -> [EventDocument] {
        let file = name ?? url.path
        let bytes: [UInt8]
        let document: JSONValue
        do {
            bytes = Array(try Data(contentsOf: url))
            document = try JSONParser.parse(bytes)
        } catch {
            throw EventFileError(file: file, message: "cannot read it as JSON: \(error)", hint: "pass a canonical event file or a recorded webhook body")
        }
        if let list = document.arrayValue {
            var events = [EventDocument]()
            for (index, element) in list.enumerated() {
                events.append(try canonical(element, origin: "\(file)#\(index)"))
            }
            return events
        }
        if document["envelope_version"] != nil {
            return [try canonical(document, origin: file)]
        }
        if let body = document["raw_body"]?.stringValue, let inner = try? JSONParser.parse(body) {
            return try await translated(Array(body.utf8), document: inner, file: file, translators: translators)
        }
        return try await translated(bytes, document: document, file: file, translators: translators)
    }

    /// Checks that `json` decodes as a canonical event, and keeps it as written.
    private static func canonical(_ json: JSONValue, origin: String) throws(EventFileError) -> EventDocument {
        do {
            _ = try JSONValueDecoder().decode(CanonicalEvent.self, from: json)
        } catch {
            throw EventFileError(file: origin, message: "not a valid canonical event: \(error)", hint: "check it against mappings/canonical/event.v1.schema.json")
        }
        return EventDocument(origin: origin, json: json)
    }

    private static func translated(_ payload: [UInt8], document: JSONValue, file: String, translators: [any NativeEventTranslator]) async throws(EventFileError) -> [EventDocument] {
        guard let translator = translators.first(where: { $0.recognizes(document) }) else {
            let known = translators.map(\.sourceName).joined(separator: ", ")
            throw EventFileError(
                file: file, message: "neither a canonical event nor a payload a translator recognizes" + (known.isEmpty ? "" : " (\(known))"),
                hint: "pass a canonical event, or a native payload of a source whose connector is available"
            )
        }
        do {
            let events = try await translator.translate(payload)
            return try events.enumerated().map { index, event in
                EventDocument(origin: events.count == 1 ? file : "\(file)#\(index)", json: try JSONValueEncoder().encode(event))
            }
        } catch {
            throw EventFileError(file: file, message: "the \(translator.sourceName) connector cannot translate it: \(error)", hint: "check that the payload is complete and its API version is supported")
        }
    }
}
