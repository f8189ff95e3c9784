import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'unix-linux-root-certificates',
    severity: 'error',
    category: 'membership',
    description: 'a member of a `purpose: unix-linux` pool lacks root certificates (`unixLinuxRootCertificates: false`)',
    rationale:
      "Each member of a UNIX/Linux pool must hold every root certificate used to sign the agents' certificates; otherwise, when a member fails, the others cannot trust the agents it signed and monitoring of those computers stops.",
    remediation:
      'Export the certificate each member uses to sign agent certificates and import it on every other member of the pool, so that each trusts every agent; then set `unixLinuxRootCertificates: true`.',
    sources: ['RPD'],
    messages: {
      missing: '"{{name}}" in UNIX/Linux pool "{{pool}}" lacks root certificates used to sign agent certificates; import them from every other member.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (pool.purpose !== 'unix-linux') continue;
      for (const member of pool.members) {
        if (member.server.unixLinuxRootCertificates === false) {
          yield { messageId: 'missing', data: { name: member.server.name, pool: pool.name }, path: member.path, pool: pool.name };
        }
      }
    }
  },
});
