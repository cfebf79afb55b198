#!/usr/bin/env bash
# A real WordPress for the website tests (issue 13): Debian's `wordpress` package over MariaDB
# and PHP's built-in server, on loopback only, no systemd, no fixed port.
#   bash .ci/wordpress.sh start [STATE_DIR]   starts it, installs a test site, writes STATE_DIR/url
#   bash .ci/wordpress.sh stop  [STATE_DIR]   stops both servers and removes what start wrote
# The tests find the site through REVISION_WORDPRESS_URL, else STATE_DIR/url (default
# /tmp/revision-wordpress/url); tests/support/wordpress.ts starts one itself when neither exists.
set -euo pipefail
cmd=${1:-}
state=${2:-${REVISION_WP_STATE_DIR:-/tmp/revision-wordpress}}
name="revision-$(basename "$state" | tr -c 'A-Za-z0-9-' '-' | sed 's/-*$//')"
config="/etc/wordpress/config-${name}.php"

stop() {
  for pidfile in "$state/php.pid" "$state/mariadb.pid"; do
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  rm -f "$config"
  rm -rf "$state"
}

wait_for() { # file, tries of 0.1 s
  for _ in $(seq 1 "$2"); do [ -e "$1" ] && return 0; sleep 0.1; done
  echo "wordpress.sh: $1 did not appear" >&2
  return 1
}

start() {
  stop
  mkdir -p "$state/mu-plugins"
  # MariaDB: a private data folder and socket, no TCP at all.
  mariadb-install-db --no-defaults --datadir="$state/db" --user=root --auth-root-authentication-method=socket \
    --skip-test-db >"$state/mariadb-install.log" 2>&1
  mariadbd --no-defaults --datadir="$state/db" --socket="$state/mysql.sock" --skip-networking --user=root \
    --pid-file="$state/mariadb.pid" --log-error="$state/mariadb.err" >/dev/null 2>&1 &
  wait_for "$state/mysql.sock" 100
  mariadb --no-defaults -S "$state/mysql.sock" -u root -e \
    "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-test'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';"

  # PHP's built-in server on an ephemeral port; a router picks this site's Debian config file.
  cat >"$state/router.php" <<PHP
<?php
\$_SERVER['WORDPRESS_CONFIG'] = '${name}';
\$root = '/usr/share/wordpress';
\$path = urldecode(parse_url(\$_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');
\$file = realpath(\$root . \$path);
if (\$file !== false && str_starts_with(\$file, \$root) && is_file(\$file) && !str_ends_with(\$file, '.php')) return false;
if (\$file !== false && is_dir(\$file) && is_file(\$file . '/index.php')) \$file .= '/index.php';
if (\$file === false || !str_starts_with(\$file, \$root) || !is_file(\$file)) \$file = \$root . '/index.php';
\$_SERVER['SCRIPT_FILENAME'] = \$file;
\$_SERVER['SCRIPT_NAME'] = \$_SERVER['PHP_SELF'] = substr(\$file, strlen(\$root));
chdir(dirname(\$file));
require \$file;
PHP
  # Serves the version string the tests write into STATE_DIR/served-version (a newer WordPress);
  # "hidden" hides it the way hardening plugins do (no generator tag, no ?ver= on assets).
  cat >"$state/mu-plugins/revision-served-version.php" <<PHP
<?php
\$f = '${state}/served-version';
\$v = is_readable(\$f) ? trim(file_get_contents(\$f)) : '';
if (\$v === 'hidden') {
  remove_action('wp_head', 'wp_generator');
  add_filter('the_generator', '__return_empty_string');
  \$strip = function (\$src) { return remove_query_arg('ver', \$src); };
  add_filter('style_loader_src', \$strip, 9999);
  add_filter('script_loader_src', \$strip, 9999);
} elseif (\$v !== '') {
  \$GLOBALS['wp_version'] = \$v;
}
PHP
  (cd /usr/share/wordpress && exec php -S 127.0.0.1:0 -t /usr/share/wordpress "$state/router.php" >"$state/php.log" 2>&1) &
  echo $! >"$state/php.pid"
  for _ in $(seq 1 100); do grep -q 'started' "$state/php.log" 2>/dev/null && break; sleep 0.1; done
  port=$(grep -o '127\.0\.0\.1:[0-9]*' "$state/php.log" | head -1 | cut -d: -f2)
  [ -n "$port" ] || { echo "wordpress.sh: PHP server did not start" >&2; cat "$state/php.log" >&2; return 1; }
  url="http://127.0.0.1:${port}"

  cat >"$config" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test');
define('DB_HOST', 'localhost:${state}/mysql.sock');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WPMU_PLUGIN_DIR', '${state}/mu-plugins');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
\$table_prefix = 'wp_';
PHP
  # Installs the test site non-interactively (WordPress's own installer functions).
  (cd /usr/share/wordpress && php -d display_errors=stderr -r "
    \$_SERVER['WORDPRESS_CONFIG'] = '${name}'; \$_SERVER['HTTP_HOST'] = '127.0.0.1';
    define('WP_INSTALLING', true);
    require 'wp-load.php'; require 'wp-admin/includes/upgrade.php';
    wp_install('Transports Dubois', 'admin', 'admin@example.invalid', true, '', 'test-only-' . bin2hex(random_bytes(8)));
  " >"$state/install.log" 2>&1) || { cat "$state/install.log" >&2; return 1; }
  echo "$url" >"$state/url"
  echo "$url"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [STATE_DIR]" >&2; exit 2 ;;
esac
