//! The portal's tables as sea-orm entities. Server-only: the browser bundle uses the plain
//! serde models in `app::models` instead, so no sea-orm type reaches the wasm build.

pub mod article;
pub mod article_autosave;
pub mod article_editing;
pub mod article_revision;
pub mod article_slug_redirect;
pub mod audit_log;
pub mod category;
pub mod document_field;
pub mod document_signer;
pub mod document_type;
pub mod issuing_body;
pub mod legal_document;
pub mod legal_document_attachment;
pub mod legal_document_field;
pub mod legal_document_relation;
pub mod legal_document_revision;
pub mod media;
pub mod session;
pub mod sign_in_device;
pub mod sign_in_throttle;
pub mod site_settings;
pub mod static_page;
pub mod user;
pub mod visitor_counter;
pub mod visitor_daily;
pub mod visitor_presence;
pub mod visitor_salt;
pub mod web_link;
pub mod web_link_group;

pub mod prelude {
    pub use super::article::Entity as Article;
    pub use super::article_autosave::Entity as ArticleAutosave;
    pub use super::article_editing::Entity as ArticleEditing;
    pub use super::article_revision::Entity as ArticleRevision;
    pub use super::article_slug_redirect::Entity as ArticleSlugRedirect;
    pub use super::audit_log::Entity as AuditLog;
    pub use super::category::Entity as Category;
    pub use super::document_field::Entity as DocumentField;
    pub use super::document_signer::Entity as DocumentSigner;
    pub use super::document_type::Entity as DocumentType;
    pub use super::issuing_body::Entity as IssuingBody;
    pub use super::legal_document::Entity as LegalDocument;
    pub use super::legal_document_attachment::Entity as LegalDocumentAttachment;
    pub use super::legal_document_field::Entity as LegalDocumentField;
    pub use super::legal_document_relation::Entity as LegalDocumentRelation;
    pub use super::legal_document_revision::Entity as LegalDocumentRevision;
    pub use super::media::Entity as Media;
    pub use super::session::Entity as Session;
    pub use super::sign_in_device::Entity as SignInDevice;
    pub use super::sign_in_throttle::Entity as SignInThrottle;
    pub use super::site_settings::Entity as SiteSettings;
    pub use super::static_page::Entity as StaticPage;
    pub use super::user::Entity as User;
    pub use super::visitor_counter::Entity as VisitorCounter;
    pub use super::visitor_daily::Entity as VisitorDaily;
    pub use super::visitor_presence::Entity as VisitorPresence;
    pub use super::visitor_salt::Entity as VisitorSalt;
    pub use super::web_link::Entity as WebLink;
    pub use super::web_link_group::Entity as WebLinkGroup;
}
