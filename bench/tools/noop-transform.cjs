/**
 * A jscodeshift transform that does nothing: returning undefined tells jscodeshift the file was skipped, so
 * a run measures jscodeshift's own work (finding, reading and dispatching files), not any rewrite.
 */
module.exports = function noopTransform() {
  return undefined;
};
