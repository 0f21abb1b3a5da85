/// The logger that ``ConnectorContext`` hands to a connector comes with the SDK.
///
/// A connector logs through `context.logger` and names metadata with
/// `LogMetadataKey`, so it needs the logging types. Re-exporting them here
/// keeps the rule that a plugin imports one module, `LedgerportSDK`.
@_exported import LedgerportLog
