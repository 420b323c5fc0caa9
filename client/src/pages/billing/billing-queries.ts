import { graphql } from '../../gql';

// The documents of the quote, order and invoice pages. Mutations return the document's detail
// fields, so urql's cache updates the open page at once.


export const QuoteListQuery = graphql(`
  query QuoteList($filter: QuoteFilter, $first: Int, $after: String, $last: Int, $before: String) {
    quotes(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id number title status createdAt validUntil grossAmount currency account { id name } owner { id name } } }
    }
  }
`);

export const OrderListQuery = graphql(`
  query OrderList($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {
    orders(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id number title status orderDate deliveryDate grossAmount currency account { id name } owner { id name } } }
    }
  }
`);

export const InvoiceListQuery = graphql(`
  query InvoiceList($filter: InvoiceFilter, $first: Int, $after: String, $last: Int, $before: String) {
    invoices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node { id number title status issueDate dueDate isOverdue grossAmount outstandingAmount currency account { id name } owner { id name } }
      }
    }
  }
`);

export const DocumentFilterOptionsQuery = graphql(`
  query DocumentFilterOptions {
    users { id name role }
    teams { id name type }
  }
`);

export const QuoteDetailFields = graphql(`
  fragment QuoteDetailFields on Quote {
    id number title status validUntil sentAt decidedAt rejectionReason introText closingText currency
    netAmount taxAmount grossAmount taxes { rate net tax }
    lines { id position description quantity unit unitPrice discountPercent taxRate netAmount product { id name } }
    opportunity { id title humanId status }
    account { id name }
    contact { id firstName lastName }
    owner { id name }
    team { id name }
    order { id number status }
    viewerCanEdit createdAt updatedAt
    history { id at event fromStatus toStatus actor { name } }
  }
`);

export const OrderDetailFields = graphql(`
  fragment OrderDetailFields on Order {
    id number title status orderDate plannedDeliveryDate deliveryDate cancelledAt cancellationReason customerReference notes currency
    netAmount taxAmount grossAmount taxes { rate net tax }
    lines { id position description quantity unit unitPrice discountPercent taxRate netAmount product { id name } }
    quote { id number }
    opportunity { id title humanId status }
    account { id name }
    contact { id firstName lastName }
    owner { id name }
    team { id name }
    invoices { id number status grossAmount }
    viewerCanEdit createdAt updatedAt
    history { id at event fromStatus toStatus actor { name } }
  }
`);

export const InvoiceDetailFields = graphql(`
  fragment InvoiceDetailFields on Invoice {
    id number title status issueDate serviceDate dueDate paidDate isOverdue cancelledAt cancellationReason notes currency
    recipientName recipientAddress { street postalCode city country }
    netAmount taxAmount grossAmount paidAmount outstandingAmount taxes { rate net tax }
    lines { id position description quantity unit unitPrice discountPercent taxRate netAmount product { id name } }
    payments { id amount paymentDate reference createdBy { name } }
    order { id number }
    correctsInvoice { id number }
    correctedBy { id number status }
    opportunity { id title humanId status }
    account { id name }
    contact { id firstName lastName }
    owner { id name }
    team { id name }
    viewerCanEdit createdAt
    history { id at event fromStatus toStatus actor { name } }
  }
`);

export const QuoteDetailQuery = graphql(`
  query QuoteDetail($id: ID!) { quote(id: $id) { ...QuoteDetailFields } }
`);
export const OrderDetailQuery = graphql(`
  query OrderDetail($id: ID!) { order(id: $id) { ...OrderDetailFields } }
`);
export const InvoiceDetailQuery = graphql(`
  query InvoiceDetail($id: ID!) { invoice(id: $id) { ...InvoiceDetailFields } }
`);

export const QuotePdfQuery = graphql(`
  query QuotePdf($id: ID!) { quote(id: $id) { id pdf { fileName contentType base64 } } }
`);
export const OrderPdfQuery = graphql(`
  query OrderPdf($id: ID!) { order(id: $id) { id pdf { fileName contentType base64 } } }
`);
export const InvoicePdfQuery = graphql(`
  query InvoicePdf($id: ID!) { invoice(id: $id) { id pdf { fileName contentType base64 } } }
`);

export const PrintableFields = graphql(`
  fragment PrintableFields on PrintableDocument {
    kind heading number title recipient salutation introText closingText currency netAmount grossAmount
    facts { label value }
    taxes { rate net tax }
    lines { position description quantity unit unitPrice discountPercent taxRate netAmount }
    letterhead { companyName street postalCode city country phone email website vatId taxNumber registerEntry managingDirectors bankName iban bic }
  }
`);

export const QuotePrintQuery = graphql(`
  query QuotePrint($id: ID!) { quote(id: $id) { id printable { ...PrintableFields } } }
`);
export const OrderPrintQuery = graphql(`
  query OrderPrint($id: ID!) { order(id: $id) { id printable { ...PrintableFields } } }
`);
export const InvoicePrintQuery = graphql(`
  query InvoicePrint($id: ID!) { invoice(id: $id) { id printable { ...PrintableFields } } }
`);

export const CreateQuoteMutation = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      __typename
      ... on CreateQuoteSuccess { quote { ...QuoteDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on InvalidStatusTransitionError { message code reason }
      ... on DocumentLockedError { message code fields }
    }
  }
`);
export const UpdateQuoteMutation = graphql(`
  mutation UpdateQuote($id: ID!, $input: UpdateQuoteInput!) {
    updateQuote(id: $id, input: $input) {
      __typename
      ... on UpdateQuoteSuccess { quote { ...QuoteDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on InvalidStatusTransitionError { message code reason }
      ... on DocumentLockedError { message code fields }
    }
  }
`);
export const SendQuoteMutation = graphql(`
  mutation SendQuote($id: ID!) {
    sendQuote(id: $id) {
      __typename
      ... on SendQuoteSuccess { quote { ...QuoteDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const AcceptQuoteMutation = graphql(`
  mutation AcceptQuote($id: ID!, $createOrder: Boolean) {
    acceptQuote(id: $id, createOrder: $createOrder) {
      __typename
      ... on AcceptQuoteSuccess { quote { ...QuoteDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const RejectQuoteMutation = graphql(`
  mutation RejectQuote($id: ID!, $reason: String) {
    rejectQuote(id: $id, reason: $reason) {
      __typename
      ... on RejectQuoteSuccess { quote { ...QuoteDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const DeleteQuoteMutation = graphql(`
  mutation DeleteQuote($id: ID!) {
    deleteQuote(id: $id) {
      __typename
      ... on DeleteQuoteSuccess { deletedId }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);

export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      __typename
      ... on CreateOrderSuccess { order { ...OrderDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on InvalidStatusTransitionError { message code reason }
      ... on DocumentLockedError { message code fields }
    }
  }
`);
export const UpdateOrderMutation = graphql(`
  mutation UpdateOrder($id: ID!, $input: UpdateOrderInput!) {
    updateOrder(id: $id, input: $input) {
      __typename
      ... on UpdateOrderSuccess { order { ...OrderDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on InvalidStatusTransitionError { message code reason }
      ... on DocumentLockedError { message code fields }
    }
  }
`);
export const DeliverOrderMutation = graphql(`
  mutation DeliverOrder($id: ID!, $deliveryDate: Date) {
    deliverOrder(id: $id, deliveryDate: $deliveryDate) {
      __typename
      ... on DeliverOrderSuccess { order { ...OrderDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const CancelOrderMutation = graphql(`
  mutation CancelOrder($id: ID!, $reason: String) {
    cancelOrder(id: $id, reason: $reason) {
      __typename
      ... on CancelOrderSuccess { order { ...OrderDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);

export const CreateInvoiceMutation = graphql(`
  mutation CreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      __typename
      ... on CreateInvoiceSuccess { invoice { ...InvoiceDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on InvalidStatusTransitionError { message code reason }
      ... on DocumentLockedError { message code fields }
    }
  }
`);
export const CancelInvoiceMutation = graphql(`
  mutation CancelInvoice($id: ID!, $reason: String) {
    cancelInvoice(id: $id, reason: $reason) {
      __typename
      ... on CancelInvoiceSuccess { invoice { ...InvoiceDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      __typename
      ... on RecordPaymentSuccess { invoice { ...InvoiceDetailFields } }
      ... on ValidationError { ...ValidationErrorFields }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);
export const RemovePaymentMutation = graphql(`
  mutation RemovePayment($id: ID!) {
    removePayment(id: $id) {
      __typename
      ... on RemovePaymentSuccess { invoice { ...InvoiceDetailFields } }
      ... on Error { message code }
      ... on InvalidStatusTransitionError { reason }
    }
  }
`);

/** What a new document form starts from: the opportunity, quote, order or cancelled invoice it is made of. */
export const DocumentOriginQuery = graphql(`
  query DocumentOrigin($opportunityId: ID!, $quoteId: ID!, $orderId: ID!, $invoiceId: ID!, $accountId: ID!, $withOpportunity: Boolean!, $withQuote: Boolean!, $withOrder: Boolean!, $withInvoice: Boolean!, $withAccount: Boolean!) {
    opportunity(id: $opportunityId) @include(if: $withOpportunity) {
      id title account { id name } contact { id }
      lines { id position description quantity unitPrice discountPercent product { id unit } }
    }
    quote(id: $quoteId) @include(if: $withQuote) { id number title account { id name } contact { id } }
    order(id: $orderId) @include(if: $withOrder) { id number title account { id name } contact { id } }
    invoice(id: $invoiceId) @include(if: $withInvoice) {
      id number title account { id name } contact { id }
      lines { id position description quantity unit unitPrice discountPercent taxRate product { id } }
    }
    account(id: $accountId) @include(if: $withAccount) { id name }
  }
`);

export const DocumentFormOptionsQuery = graphql(`
  query DocumentFormOptions($accountId: ID!) {
    account(id: $accountId) { id contacts(first: 100) { edges { node { id firstName lastName } } } }
    products(first: 100) { edges { node { id name sku unit unitPrice } } }
  }
`);

export const OpportunityDocumentsQuery = graphql(`
  query OpportunityDocuments($id: ID!) {
    opportunity(id: $id) {
      id status viewerCanEdit
      quotes { id number title status grossAmount validUntil order { id } }
      orders { id number title status grossAmount orderDate }
      invoices { id number title status grossAmount issueDate dueDate isOverdue }
    }
  }
`);

export const DocumentChangedSubscription = graphql(`
  subscription DocumentChanged($opportunityId: ID, $accountId: ID, $documentId: ID) {
    documentChanged(opportunityId: $opportunityId, accountId: $accountId, documentId: $documentId) {
      kind change event number status documentId actor { id name }
    }
  }
`);
