/// The HTML bodies Werkzeug and Odoo return for routing and database errors, as recorded on 19.0.
enum HTMLPages {
    static let notFound = """
        <!doctype html>
        <html lang=en>
        <title>404 Not Found</title>
        <h1>Not Found</h1>
        <p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>

        """

    static let noDatabase = """
        <!DOCTYPE html>
        <title>404 Not Found</title>
        <h1>Not Found</h1>
        <p>No database is selected and the requested URL was not found in the server-wide controllers.</p>
        <p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>

        <!-- Alternatively, use the X-Odoo-Database header. -->

        """

    static let databaseConflict = """
        <!doctype html>
        <html lang=en>
        <title>403 Forbidden</title>
        <h1>Forbidden</h1>
        <p>Cannot use both the session_id cookie and the x-odoo-database header.</p>

        """

    static let unsupportedMediaType = """
        <!doctype html>
        <html lang=en>
        <title>415 Unsupported Media Type</title>
        <h1>Unsupported Media Type</h1>
        <p>Request inferred type is compatible with [&#39;http&#39;] but &#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is type=&#39;json2&#39;.<br><br>Please verify the Content-Type request header and try again.</p>

        """
}
