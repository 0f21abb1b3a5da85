import Foundation

/// A lookup from the country a person typed into a source system to the ISO 3166-1 alpha-2 code that ``PostalAddress/country`` holds.
///
/// CRMs such as HubSpot keep the country as free text, so the same country
/// arrives as `DE`, `DEU`, `Germany` or `Deutschland`. A connector calls
/// ``alpha2(for:)`` and reports a value it cannot read instead of passing it
/// on, since a target such as Odoo rejects an unknown code only at delivery,
/// far from the record that needs fixing.
public enum CountryCode {
    /// Returns the alpha-2 code of `text`, or nil when `text` matches no entry of the table.
    ///
    /// `text` may be an alpha-2 or alpha-3 code, an English name from the
    /// standard (short, common or official), a code or name of
    /// ``userAssigned`` (Kosovo, `XK`), or one of ``aliases``. Letter
    /// case, accents, dots and commas are ignored: `u.s.a.`, `Cote d'Ivoire`
    /// and `Korea, Republic of` are found.
    public static func alpha2(for text: String) -> String? {
        let key = searchKey(text)
        guard !key.isEmpty else {
            return nil
        }
        return codesByKey[key]
    }

    /// Every code and name of the table by its search key.
    private static let codesByKey: [String: String] = {
        var codes: [String: String] = [:]
        for country in iso3166 + userAssigned {
            codes[searchKey(country.alpha2)] = country.alpha2
            codes[searchKey(country.alpha3)] = country.alpha2
            for name in country.names {
                codes[searchKey(name)] = country.alpha2
            }
        }
        for (alias, code) in aliases {
            codes[searchKey(alias)] = code
        }
        return codes
    }()

    /// Folds case and accents, drops dots, turns commas into spaces and collapses runs of spaces.
    static func searchKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let cleaned = folded.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: " ")
        return cleaned.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
