//! The image pipeline, run once at upload. The decoded pixels are re-encoded, so nothing of the
//! uploaded file's metadata (EXIF, GPS position, camera serial, XMP) is kept; the EXIF orientation
//! is applied to the pixels first, so a photo taken with the phone on its side stands upright.
//! Resized WebP variants are made for `srcset`.

use std::io::Cursor;

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::{MediaError, MediaKind};

/// The widths of the WebP variants, each made when the image is wider. An image narrower than the
/// largest also gets one at its own width, so every image has a WebP at full size.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1600];
const JPEG_QUALITY: u8 = 88;
const WEBP_QUALITY: f32 = 80.0;

/// Refuses images whose decoded pixels would take too much memory: a small file can declare a
/// huge picture (a decompression bomb), so the declared size is checked before decoding.
#[derive(Clone, Copy, Debug)]
pub struct ImageLimits {
    pub max_side: u32,
    pub max_megapixels: u32,
}

impl Default for ImageLimits {
    fn default() -> Self {
        Self { max_side: 12_000, max_megapixels: 50 }
    }
}

/// A resized copy in WebP.
#[derive(Clone, Debug)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub webp: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct ProcessedImage {
    /// Width and height after the orientation is applied.
    pub width: u32,
    pub height: u32,
    /// The picture re-encoded in its uploaded format, without metadata (a GIF keeps its first frame).
    pub original: Vec<u8>,
    /// Narrowest first.
    pub variants: Vec<Variant>,
}

/// Decodes, checks and re-encodes an uploaded image of the sniffed `kind`.
pub fn process_image(bytes: &[u8], kind: MediaKind, limits: ImageLimits) -> Result<ProcessedImage, MediaError> {
    let format = match kind {
        MediaKind::Jpeg => ImageFormat::Jpeg,
        MediaKind::Png => ImageFormat::Png,
        MediaKind::Gif => ImageFormat::Gif,
        MediaKind::WebP => ImageFormat::WebP,
        MediaKind::Pdf | MediaKind::Docx | MediaKind::Xlsx => return Err(MediaError::UnsupportedType),
    };
    let corrupt = |error: image::ImageError| MediaError::CorruptImage(error.to_string());
    if kind == MediaKind::Jpeg && !jpeg_is_complete(bytes) {
        // The JPEG decoder paints a cut-off photo's missing part grey instead of failing.
        return Err(MediaError::CorruptImage("ảnh JPEG bị cắt cụt (tải lên chưa hết?)".into()));
    }
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format).into_decoder().map_err(corrupt)?;
    let (width, height) = decoder.dimensions();
    let too_large =
        MediaError::ImageTooLarge { width, height, max_side: limits.max_side, max_megapixels: limits.max_megapixels };
    if width.max(height) > limits.max_side
        || u64::from(width) * u64::from(height) > u64::from(limits.max_megapixels) * 1_000_000
    {
        return Err(too_large);
    }
    if width == 0 || height == 0 {
        return Err(MediaError::CorruptImage("ảnh không có điểm ảnh nào".into()));
    }
    let mut decoding_limits = Limits::default();
    decoding_limits.max_image_width = Some(limits.max_side);
    decoding_limits.max_image_height = Some(limits.max_side);
    decoder.set_limits(decoding_limits).map_err(corrupt)?;
    let orientation = decoder.orientation().map_err(corrupt)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    image.apply_orientation(orientation);

    let original = encode_original(&image, kind)?;
    let largest = image.width().min(VARIANT_WIDTHS[VARIANT_WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = VARIANT_WIDTHS.into_iter().filter(|&w| w < largest).collect();
    widths.push(largest);
    let variants = widths.into_iter().map(|width| webp_variant(&image, width)).collect::<Result<_, _>>()?;
    Ok(ProcessedImage { width: image.width(), height: image.height(), original, variants })
}

/// Whether the JPEG's last scan is followed by the end-of-image marker. In the compressed data a
/// 0xFF byte is always followed by 0x00 or a restart marker, so the markers found are real; an
/// EXIF thumbnail's own markers come before the main image's scan.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
    matches!((last(0xDA), last(0xD9)), (Some(scan), Some(end)) if end > scan)
}

fn encode_original(image: &DynamicImage, kind: MediaKind) -> Result<Vec<u8>, MediaError> {
    let failed = |error: image::ImageError| MediaError::CorruptImage(error.to_string());
    let mut out = Vec::new();
    match kind {
        MediaKind::Jpeg => {
            image.to_rgb8().write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)).map_err(failed)?
        }
        MediaKind::Gif => {
            GifEncoder::new(&mut out).encode_frame(image::Frame::new(image.to_rgba8())).map_err(failed)?
        }
        MediaKind::WebP => out = encode_webp(image)?,
        _ => image.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).map_err(failed)?,
    }
    Ok(out)
}

fn webp_variant(image: &DynamicImage, width: u32) -> Result<Variant, MediaError> {
    let resized =
        if width == image.width() { image.clone() } else { image.resize(width, u32::MAX, FilterType::Lanczos3) };
    Ok(Variant { width: resized.width(), height: resized.height(), webp: encode_webp(&resized)? })
}

fn encode_webp(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let rgba = image.to_rgba8();
    let encoded = webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height()).encode(WEBP_QUALITY);
    Ok(encoded.to_vec())
}

#[cfg(test)]
mod tests {
    use image::{ImageBuffer, Rgb, RgbImage};

    use super::*;

    /// A landscape photo, 64×32, left half red and right half blue.
    fn photo() -> RgbImage {
        ImageBuffer::from_fn(64, 32, |x, _| if x < 32 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) })
    }

    fn jpeg(image: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        image.write_with_encoder(JpegEncoder::new_with_quality(&mut out, 95)).unwrap();
        out
    }

    /// The JPEG with an EXIF block (APP1) after its start marker: orientation 6 ("rotate 90° clockwise
    /// to view") and a GPS position, as a phone held upright writes them.
    fn with_exif(jpeg: &[u8]) -> Vec<u8> {
        let mut tiff = b"II*\x00\x08\x00\x00\x00".to_vec();
        tiff.extend_from_slice(&2u16.to_le_bytes());
        // Orientation (0x0112), SHORT, 1 value: 6.
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        // GPS IFD pointer (0x8825), LONG, at offset 38.
        tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        // GPS IFD: GPSLatitudeRef (1), ASCII, "N".
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        let mut app1 = b"Exif\x00\x00".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn orientation_is_applied_and_exif_with_gps_is_dropped() {
        let uploaded = with_exif(&jpeg(&photo()));
        assert!(contains(&uploaded, b"Exif\x00\x00"));
        let processed = process_image(&uploaded, MediaKind::Jpeg, ImageLimits::default()).unwrap();
        assert_eq!((processed.width, processed.height), (32, 64), "turned upright");
        assert!(!contains(&processed.original, b"Exif"), "no EXIF block left");
        let upright = image::load_from_memory(&processed.original).unwrap().to_rgb8();
        assert_eq!(upright.dimensions(), (32, 64));
        // Turned clockwise, the red left half is now on top.
        let top = upright.get_pixel(16, 8);
        let bottom = upright.get_pixel(16, 56);
        assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
        assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
    }

    #[test]
    fn variants_are_webp_at_the_set_widths_keeping_the_aspect_ratio() {
        let wide: RgbImage = ImageBuffer::from_fn(2000, 1000, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let processed = process_image(&jpeg(&wide), MediaKind::Jpeg, ImageLimits::default()).unwrap();
        let sizes: Vec<(u32, u32)> = processed.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, [(480, 240), (960, 480), (1600, 800)]);
        for variant in &processed.variants {
            assert_eq!(MediaKind::sniff(&variant.webp), Ok(MediaKind::WebP));
            let decoded = image::load_from_memory_with_format(&variant.webp, ImageFormat::WebP).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (variant.width, variant.height));
        }
    }

    #[test]
    fn a_small_image_gets_one_variant_at_its_own_width() {
        let processed = process_image(&jpeg(&photo()), MediaKind::Jpeg, ImageLimits::default()).unwrap();
        let sizes: Vec<(u32, u32)> = processed.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, [(64, 32)]);
    }

    #[test]
    fn png_gif_and_webp_uploads_are_processed_in_their_own_format() {
        let image = DynamicImage::ImageRgb8(photo());
        for (format, kind) in [(ImageFormat::Png, MediaKind::Png), (ImageFormat::Gif, MediaKind::Gif)] {
            let mut bytes = Vec::new();
            image.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
            let processed = process_image(&bytes, kind, ImageLimits::default()).unwrap();
            assert_eq!(MediaKind::sniff(&processed.original), Ok(kind));
            assert_eq!((processed.width, processed.height), (64, 32));
        }
        let webp = encode_webp(&image).unwrap();
        let processed = process_image(&webp, MediaKind::WebP, ImageLimits::default()).unwrap();
        assert_eq!(MediaKind::sniff(&processed.original), Ok(MediaKind::WebP));
    }

    /// CRC-32 as PNG chunks use it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_decoding() {
        // A valid 1×1 PNG whose header then claims 60,000 × 60,000 pixels (14 GB decoded).
        let mut png = Vec::new();
        DynamicImage::ImageRgb8(RgbImage::new(1, 1)).write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
        png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(
            process_image(&png, MediaKind::Png, ImageLimits::default()),
            Err(MediaError::ImageTooLarge { width: 60_000, height: 60_000, .. })
        ));
        let limits = ImageLimits { max_side: 12_000, max_megapixels: 1 };
        let wide: RgbImage = ImageBuffer::new(2000, 1000);
        assert!(matches!(process_image(&jpeg(&wide), MediaKind::Jpeg, limits), Err(MediaError::ImageTooLarge { .. })));
    }

    #[test]
    fn corrupt_and_mislabelled_files_are_refused() {
        let whole = jpeg(&photo());
        for cut in [whole.len() / 3, whole.len() - 2] {
            let truncated = &whole[..cut];
            assert!(matches!(
                process_image(truncated, MediaKind::Jpeg, ImageLimits::default()),
                Err(MediaError::CorruptImage(_))
            ));
        }
        // A camera photo carries a complete thumbnail JPEG in a header segment; cutting the photo
        // itself short must still be noticed.
        let noisy: RgbImage =
            ImageBuffer::from_fn(256, 256, |x, y| Rgb([(x * 7 + y * 13) as u8, (x * y) as u8, (x ^ y) as u8]));
        let main = jpeg(&noisy);
        let thumbnail = jpeg(&photo());
        let mut with_thumbnail = main[..2].to_vec();
        with_thumbnail.extend_from_slice(&[0xFF, 0xE2]);
        with_thumbnail.extend_from_slice(&((thumbnail.len() + 2) as u16).to_be_bytes());
        with_thumbnail.extend_from_slice(&thumbnail);
        with_thumbnail.extend_from_slice(&main[2..]);
        assert!(process_image(&with_thumbnail, MediaKind::Jpeg, ImageLimits::default()).is_ok());
        let cut = &with_thumbnail[..with_thumbnail.len() - main.len() / 3];
        assert!(matches!(
            process_image(cut, MediaKind::Jpeg, ImageLimits::default()),
            Err(MediaError::CorruptImage(_))
        ));
        assert!(matches!(
            process_image(b"\x89PNG\r\n\x1a\ngarbage", MediaKind::Png, ImageLimits::default()),
            Err(MediaError::CorruptImage(_))
        ));
        assert_eq!(
            process_image(b"%PDF-1.7", MediaKind::Pdf, ImageLimits::default()).unwrap_err(),
            MediaError::UnsupportedType
        );
    }
}
