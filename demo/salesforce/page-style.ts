/**
 * SLDS-like styles for the demo pages: inline, no external resource (fonts, images, icons), so
 * the pages look like Lightning offline and in tests. Class names are SLDS's own.
 */
export const LIGHTNING_CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
.modal-container{position:fixed;z-index:50;left:50%;top:120px;transform:translateX(-50%);width:min(900px,90vw);background:#fff;border-radius:4px;box-shadow:0 0 0 100vmax rgba(8,7,7,.45)}
.modal-container .slds-modal__header{padding:14px;border-bottom:1px solid #e5e5e5;text-align:center}.modal-container h2{margin:0;font-size:18px;font-weight:400}
.modal-container .modal-body{padding:12px}.modal-container .slds-input{width:100%;padding:4px 8px;border:1px solid #c9c9c9;border-radius:4px;font:inherit}
.modal-container .slds-modal__footer{padding:10px 14px;border-top:1px solid #e5e5e5;display:flex;justify-content:flex-end;gap:8px;background:#f3f3f3}
.slds-card__header-actions{display:flex;justify-content:flex-end;margin-bottom:-38px;padding:8px 12px;position:relative;z-index:1}
html,body{margin:0;height:100%}
body{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:13px;color:#181818;background:#b0c4df linear-gradient(180deg,#1b5297 0,#1b5297 0) no-repeat;background-size:100% 0}
a{color:#0b5cab;text-decoration:none}a:hover{text-decoration:underline}
button{font:inherit}
.slds-assistive-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.slds-truncate{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.slds-grid{display:flex}.slds-wrap{flex-wrap:wrap}.slds-col{flex:1 1 auto}
.slds-size_1-of-1{width:100%}.slds-size_1-of-2{width:50%}.slds-size_2-of-3{width:66.6%}.slds-size_1-of-3{width:33.3%}
.oneHeader{position:fixed;top:0;left:0;right:0;z-index:10}
.slds-global-header{height:50px;background:#fff;display:flex;align-items:center;justify-content:space-between;padding:0 12px;box-shadow:0 2px 3px rgba(0,0,0,.08)}
.slds-global-header__logo{width:42px;height:30px;border-radius:15px;background:#0176d3;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;font-size:18px}
.slds-global-header__item_search{flex:0 1 600px}
.search-button{width:100%;height:32px;border:1px solid #c9c9c9;border-radius:4px;background:#fff;color:#747474;text-align:left;padding:0 12px}
.slds-global-actions{display:flex;gap:10px;list-style:none;margin:0;padding:0;align-items:center}
.slds-global-actions__item{width:28px;height:28px;border-radius:50%;background:#f3f3f3;display:flex;align-items:center;justify-content:center;color:#706e6b;font-size:12px}
.avatar{background:#0176d3;color:#fff;font-weight:600}
.slds-context-bar{position:fixed;top:50px;left:0;right:0;z-index:9;height:40px;background:#fff;border-bottom:3px solid #1b96ff;display:flex;align-items:stretch}
.slds-context-bar__primary{display:flex;align-items:center;padding:0 16px 0 12px}
.appLauncher{width:20px;height:20px;display:grid;grid-template-columns:repeat(3,4px);gap:3px;margin-right:14px}.appLauncher i{width:4px;height:4px;background:#706e6b;border-radius:50%}
.slds-context-bar__app-name{font-size:18px;font-weight:300;padding-right:20px}
.slds-context-bar__secondary ul{display:flex;list-style:none;margin:0;padding:0;height:100%}
.slds-context-bar__item{display:flex;align-items:center;position:relative}
.slds-context-bar__label-action{padding:0 12px;color:#181818;height:100%;display:flex;align-items:center}
.slds-context-bar__item.slds-is-active{background:#f3f9ff}
.slds-context-bar__item.slds-is-active:before{content:"";position:absolute;left:0;right:0;top:0;height:3px;background:#0176d3}
.oneCenterStage{padding:103px 12px 12px}
.oneCenterStage :not(:defined){display:block}
.oneCenterStage :is(lightning-formatted-text,lightning-formatted-number,lightning-formatted-date-time,lightning-formatted-phone,lightning-formatted-email,lightning-formatted-url,lightning-formatted-name,records-formula-output,force-lookup,records-hoverable-link,force-hoverable-link,lightning-input){display:inline}
.oneCenterStage .slds-form__row{display:flex;width:100%}
.oneCenterStage flexipage-column2 .slds-form{display:block}.oneCenterStage flexipage-column2 .slds-form__item{width:100%}
.slds-form__item .slds-form-element{flex:1;min-width:0}
flexipage-field-section2 .slds-card{box-shadow:none;border:0;margin:0}
.slds-button-group-list{list-style:none;margin:0;padding:0;display:flex}
.slds-section__title-action{border:0;background:none;width:100%;text-align:left;font:inherit;padding:0;color:inherit}
lightning-tabset.slds-card{padding-bottom:8px}
.slds-card__footer{display:block}
.sidebar-region .slds-table th[scope=row]{background:none;font-weight:400}
.oneContent{display:none}.oneContent.active{display:block}
.slds-card{background:#fff;border:1px solid #c9c9c9;border-radius:4px;box-shadow:0 2px 2px rgba(0,0,0,.1);margin-bottom:12px}
.slds-card__header{display:flex;align-items:center;padding:12px 16px 0}
.slds-card__header-title{font-size:14px;font-weight:700;margin:0}
.slds-card__body{padding:8px 16px 12px}
.slds-page-header{background:#f3f3f3;border:1px solid #c9c9c9;border-radius:4px;padding:12px 16px;box-shadow:0 2px 2px rgba(0,0,0,.1);margin-bottom:12px}
.slds-page-header__row{display:flex;align-items:center;justify-content:space-between}
.slds-media{display:flex;align-items:center;gap:12px}
.slds-icon_container{width:36px;height:36px;border-radius:4px;color:#fff;font-weight:700;font-size:18px;display:flex;align-items:center;justify-content:center}
.entityNameTitle{font-size:12px;color:#444;line-height:1.2}
h1{margin:0;font-size:18px;font-weight:700;line-height:1.25}
.slds-page-header__title{font-size:18px;font-weight:700}
.slds-button-group{display:flex}
.slds-button_neutral{border:1px solid #c9c9c9;background:#fff;color:#0176d3;padding:0 14px;height:32px;border-radius:0}
.slds-button-group .slds-button_neutral:first-child{border-radius:4px 0 0 4px}.slds-button-group .slds-button_neutral:last-child{border-radius:0 4px 4px 0}
.slds-button_neutral+.slds-button_neutral{border-left:0}
.slds-page-header__detail-row{display:flex;gap:32px;margin-top:12px;padding-top:10px;border-top:1px solid #e5e5e5}
.slds-text-title{font-size:12px;color:#444;margin:0 0 2px}
.fieldComponent{margin:0;font-size:14px}
.slds-path{display:flex;margin-bottom:12px;background:#fff;border:1px solid #c9c9c9;border-radius:4px;padding:8px}
.slds-path__item{flex:1;text-align:center;padding:6px 4px;background:#f3f3f3;color:#181818;margin-right:4px;clip-path:polygon(0 0,calc(100% - 10px) 0,100% 50%,calc(100% - 10px) 100%,0 100%,10px 50%);font-size:12px}
.slds-path__item.slds-is-complete{background:#2e844a;color:#fff}.slds-path__item.slds-is-current{background:#014486;color:#fff}.slds-path__item.slds-is-lost{background:#ba0517;color:#fff}
.slds-tabs_default__nav{display:flex;list-style:none;margin:0;padding:0 16px;border-bottom:1px solid #e5e5e5}
.slds-tabs_default__item{padding:10px 12px;font-weight:400}.slds-tabs_default__item.slds-is-active{border-bottom:3px solid #0176d3;font-weight:700}
.slds-section__title{font-size:14px;background:#f3f3f3;padding:6px 12px;border-radius:4px;margin:12px 0 4px;font-weight:400}
.slds-form{display:flex;flex-wrap:wrap}
.slds-form__item{padding:0 12px}
.slds-form-element{border-bottom:1px solid #e5e5e5;padding:6px 0;min-height:48px;position:relative}
.slds-form-element__label{font-size:12px;color:#444;display:block;margin-bottom:2px}
.slds-form-element__control{display:flex;align-items:flex-start;justify-content:space-between;font-size:14px}
.slds-form-element__static{word-break:break-word;min-height:18px}
.test-id__inline-edit-trigger{border:0;background:none;color:#aeaeae;cursor:pointer;width:20px;visibility:hidden}
.slds-hint-parent:hover .test-id__inline-edit-trigger{visibility:visible}
dl{margin:0}dd{margin:0}
.slds-table{width:100%;border-collapse:collapse;font-size:13px}
.slds-table th{text-align:left;font-weight:600;color:#444;background:#f3f3f3;padding:6px 8px;border-bottom:1px solid #e5e5e5}
.slds-table td{padding:6px 8px;border-bottom:1px solid #e5e5e5}
.countText{color:#444;font-weight:400;margin-left:4px}
.slds-card__footer{text-align:center;padding:8px;border-top:1px solid #e5e5e5}
.slds-timeline{list-style:none;margin:0;padding:0}
.slds-timeline__item{display:flex;gap:10px;padding:8px 0;border-bottom:1px solid #f3f3f3}
.slds-timeline__icon{width:24px;height:24px;border-radius:4px;color:#fff;font-size:11px;display:flex;align-items:center;justify-content:center;flex:none}
.slds-timeline__date{margin-left:auto;color:#444;font-size:12px;white-space:nowrap}
.slds-badge{display:inline-block;font-size:11px;background:#ecebea;border-radius:12px;padding:1px 8px;margin-left:6px;color:#444}
.slds-checkbox input{width:14px;height:14px}
.oneConsoleTabset .tabBar{display:flex;gap:2px;background:#fff;border-bottom:1px solid #c9c9c9;margin-bottom:8px}
.oneConsoleTabset .tabItem{padding:8px 14px}.oneConsoleTabset .tabItem.active{border-top:3px solid #0176d3;font-weight:700}
.windowViewMode-maximized.lafPageHost{display:none}.windowViewMode-maximized.lafPageHost.active{display:block}
.classic{background:#fff;font-family:Arial,Helvetica,sans-serif;font-size:12px;padding:8px}
.classic .bPageTitle h1{font-size:11px;color:#333;font-weight:400;display:block}.classic .bPageTitle h2{font-size:20px;font-weight:400;margin:0}
.classic .bPageBlock{border-top:3px solid #236fbd;background:#f8f8f8;border-radius:4px;margin:10px 0;padding:6px}
.classic table.detailList{width:100%;border-collapse:collapse}
.classic .labelCol{text-align:right;font-weight:700;color:#4a4a56;padding:4px 10px;width:18%;border-bottom:1px solid #e3deb8}
.classic .dataCol{padding:4px 10px;width:32%;border-bottom:1px solid #e3deb8}
.classic .pbSubheader{background:#1797c0;color:#fff;padding:4px 8px;margin:8px 0 4px;font-size:12px}
.classic .btn{font-size:11px;padding:2px 6px;margin-right:4px}
.classic table.list{width:100%;border-collapse:collapse}.classic table.list th{background:#f2f3f3;text-align:left;padding:4px}.classic table.list td{padding:4px;border-top:1px solid #ededed}
`
