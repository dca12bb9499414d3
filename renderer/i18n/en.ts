// Environment: browser. Every user-visible string of the console, in English. Issue 3 adds Swedish with the
// same keys (the `Dictionary` type makes a missing key a compile error).
export const en = {
  'app.title': 'Handoff Desk',

  'signIn.heading': 'Sign in to Handoff Desk',
  'signIn.lead': 'Take over the conversations your Customer Agent hands off.',
  'signIn.hubUrl': 'Hub URL',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.badCredentials':
    'That email and password do not match an account on this hub. Check them and try again.',
  'signIn.hubUnreachable': 'Could not reach the hub at {hubUrl}. Check the URL and that the hub is running.',
  'signIn.invalidHubUrl': 'Enter the hub URL, starting with http:// or https://.',
  'signIn.invalidEmail': 'Enter your email address, like name@example.com.',
  'signIn.missingPassword': 'Enter your password.',
  'signIn.failed': 'Sign-in failed: {message}',

  'connection.online': 'Online',
  'connection.connecting': 'Connecting to the hub…',
  'connection.reconnecting': 'Reconnecting to the hub…',
  'connection.signedOut': 'Signed out',
  'connection.lastError': 'Last error: {error}',
  'connection.bridgeDown': 'Lost the local console service. Reconnecting…',
  'connection.bridgeConnecting': 'Starting…',

  'layout.resizeQueue': 'Resize queue',
  'layout.resizeShopper': 'Resize shopper panel',
  'app.loading': 'Loading Handoff Desk…',
  'app.snapshotFailed': 'Could not load the console: {message}',
  'app.retry': 'Try again',
  'topBar.signedInAs': 'Signed in as {name}',
  'topBar.signOut': 'Sign out',

  'queue.label': 'Queue',
  'queue.listLabel': 'Conversations',
  'queue.tab.unassigned': 'Unassigned',
  'queue.tab.mine': 'Mine',
  'queue.tab.allOpen': 'All open',
  'queue.empty.unassigned':
    'No one is waiting. Conversations the Customer Agent hands off appear here the moment it does.',
  'queue.empty.mine': 'Nothing assigned to you. Claim a conversation from Unassigned and it moves here.',
  'queue.empty.allOpen':
    'No open conversations. Handed-off conversations stay here until someone resolves them.',
  'queue.waiting': 'Waiting {duration}',
  'queue.assignedTo': '{name}',
  'queue.assignedToYou': 'You',
  'queue.keyboardHint': '↑/↓ or j/k to move, Enter to open',
  'queue.unknownShopper': 'Unknown shopper',

  'channel.web_chat': 'Web chat',
  'channel.sms': 'SMS',
  'channel.email': 'Email',
  'channel.whatsapp': 'WhatsApp',

  'reason.shopper_requested': 'Asked for a person',
  'reason.knowledge_gap': 'AI could not answer',

  'status.with_ai': 'With Customer Agent',
  'status.queued': 'Waiting',
  'status.open': 'Open',
  'status.resolved': 'Resolved',

  'conversation.none': 'Select a conversation from the queue to read it and reply.',
  'conversation.notFound': 'This conversation is not in the console any more.',
  'conversation.loadFailed': 'Could not load this conversation: {message}',
  'conversation.unassigned': 'Unassigned',
  'conversation.assignee': 'Assigned to {name}',
  'conversation.transcript': 'Transcript',
  'conversation.handedOff': 'Handed off to the team',
  'conversation.emptyTranscript': 'No messages yet.',
  'conversation.resolvedWithTags': 'Resolved · {tags}',
  'conversation.resolved': 'Resolved',

  'author.customerAgent': 'Customer Agent',
  'author.aiBadge': 'AI',
  'author.aiBadgeLabel': 'AI agent',
  'author.system': 'System',
  'author.shopper': 'Shopper',
  'author.you': '{name} (you)',

  'delivery.pending': 'Sending…',
  'delivery.sent': 'Sent',
  'delivery.delivered': 'Delivered',
  'delivery.failed': 'Failed',

  'products.label': 'Recommended products',

  'actions.claim': 'Claim',
  'actions.claiming': 'Claiming…',
  'actions.claimLost': '{message}',
  'actions.claimedBy': '{name} is handling this conversation.',
  'actions.resolve': 'Resolve',
  'actions.resolveConfirm': 'Resolve conversation',
  'actions.resolving': 'Resolving…',
  'actions.cancel': 'Cancel',
  'actions.tags': 'Tags',
  'actions.tagsHint': 'Optional, comma-separated (e.g. refund, shipping)',
  'actions.commandFailed': 'The hub refused to {command}: {message}',
  'actions.command.claim': 'claim this conversation',
  'actions.command.reply': 'send your reply',
  'actions.command.resolve': 'resolve this conversation',
  'actions.dismiss': 'Dismiss',
  'actions.failed': 'That did not work: {message}',

  'composer.reply': 'Reply',
  'composer.placeholder': 'Reply to {name}…',
  'composer.hint': 'Enter sends · Shift+Enter for a new line',
  'composer.claimFirst': 'Claim this conversation to reply.',
  'composer.someoneElse': '{name} is handling this conversation.',
  'composer.send': 'Send',
  'composer.tooLong': 'Replies can be at most {max} characters.',

  'shopper.label': 'Shopper',
  'shopper.email': 'Email',
  'shopper.profileId': 'Profile ID',
  'shopper.name': 'Name',
  'shopper.phone': 'Phone',
  'shopper.channel': 'Channel',
  'shopper.reason': 'Escalation reason',
  'shopper.procedure': 'Procedure',
  'shopper.tags': 'AI tags',
  'shopper.none': '—',
  'shopper.empty': 'Open a conversation to see who the shopper is and why the Customer Agent handed off.',
  'shopper.waitingSince': 'Handed off',

  'errors.bridge': 'The console service did not answer: {message}',
} as const;

export type MessageKey = keyof typeof en;
/** What every language provides: a string for each key. */
export type Dictionary = Record<MessageKey, string>;
