// The words the soak's shoppers and agents exchange, shared by both sides so each can recognise the other's.

/** Shopper messages of the conversation loop (the first "human agent" message went to the AI). */
export const SOAK_MESSAGE_PREFIX = 'soak ';

/** An agent reply names the shopper message it answers, so the reply is matched to its call and its question. */
export const replyTextFor = (shopperMessageId: string) => `re ${shopperMessageId}`;
